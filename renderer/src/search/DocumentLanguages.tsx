/**
 * Which language each document is searched in (its stems and stop words), with the
 * researcher's override where the detected language is wrong — an English field note in a
 * Swedish study, a quote-heavy document. A change rebuilds the index and re-runs the search.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useSearch } from '../store/search-store';
import { collator } from '../util/format';

type Row = Result<'search.languages'>[number];

export function DocumentLanguages() {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState<number | null>(null);
  const documents = useApp((x) => x.documents);

  // state is set when the answer comes, never synchronously (this also runs from an effect)
  const load = (): Promise<void> =>
    api.call('search.languages', {}).then(setRows, (e: unknown) => useApp.getState().setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    void load();
  }, [documents]);

  const change = async (row: Row, value: string): Promise<void> => {
    const language = value === 'auto' ? null : (value as 'sv' | 'en');
    // shown at once, so the list does not jump back while the change is saved
    setRows((list) => list?.map((x) => (x.documentId === row.documentId ? { ...x, stored: language } : x)) ?? null);
    setSaving(row.documentId);
    try {
      await api.call('search.setLanguage', { documentId: row.documentId, language });
      await load();
      if (useSearch.getState().result) await useSearch.getState().run();
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
      await load();
    } finally {
      setSaving(null);
    }
  };

  const name = (l: 'sv' | 'en'): string => t(l === 'sv' ? 'search.langSv' : 'search.langEn');
  const sorted = rows ? [...rows].sort((a, b) => collator(i18n.language).compare(a.name, b.name)) : [];
  return (
    <div className="doc-languages" data-testid="doc-languages">
      <p className="muted">{t('search.docLanguagesHint')}</p>
      {rows === null ? (
        <p className="muted">…</p>
      ) : (
        <table className="count-table">
          <thead>
            <tr>
              <th>{t('search.docLanguagesDocument')}</th>
              <th>{t('search.docLanguagesSearchedAs')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.documentId}>
                <td className="count-name">{r.name}</td>
                <td>
                  <select
                    aria-label={t('search.docLanguageOf', { name: r.name })}
                    value={r.stored ?? 'auto'}
                    disabled={saving === r.documentId}
                    onChange={(e) => void change(r, e.target.value)}
                    data-testid="doc-language"
                  >
                    <option value="auto">{r.stored ? t('search.langAgain') : t('search.langDetected', { lang: name(r.used) })}</option>
                    <option value="sv">{t('search.langSv')}</option>
                    <option value="en">{t('search.langEn')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
