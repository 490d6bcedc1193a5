/**
 * Word frequencies by stem (stop words removed) for the project, a code's quotations or an
 * attribute value, optionally compared with a second group by log-likelihood (G²); CSV/XLSX.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordScope } from '../../../shared/contract/search';
import type { Result } from '../../../shared/contract';
import { api } from '../api/client';
import { download } from '../components/CodeTree';
import { useApp } from '../store/app-store';
import { collator, formatNumber } from '../util/format';
import type { ViewDef } from './registry';
import '../search/search.css';

type ScopeKind = 'project' | 'code' | 'group' | 'none';
interface ScopeChoice {
  kind: ScopeKind;
  codeId: number | null;
  attribute: string;
  value: string;
}

const EMPTY: ScopeChoice = { kind: 'project', codeId: null, attribute: '', value: '' };

function toScope(c: ScopeChoice, excludeInterviewer: boolean): WordScope | undefined {
  if (c.kind === 'none') return undefined;
  const base: WordScope = excludeInterviewer ? { excludeInterviewer: true } : {};
  if (c.kind === 'code' && c.codeId !== null) return { ...base, code: c.codeId };
  if (c.kind === 'group' && c.attribute && c.value) return { ...base, filter: { where: { [c.attribute]: [c.value] } } };
  return base;
}

function label(c: ScopeChoice, codes: { id: number; name: string }[], t: (k: string) => string): string {
  // Short labels: they head table columns (the full choice shows in the controls above).
  if (c.kind === 'code') return codes.find((x) => x.id === c.codeId)?.name ?? t('words.code');
  if (c.kind === 'group') return c.value || t('words.group');
  return t('words.project');
}

function ScopePicker({ value, onChange, allowNone, testId }: { value: ScopeChoice; onChange: (c: ScopeChoice) => void; allowNone?: boolean; testId: string }) {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const attributes = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const d of documents) for (const [k, v] of Object.entries(d.attributes)) m.set(k, (m.get(k) ?? new Set()).add(v));
    return m;
  }, [documents]);
  const values = [...(attributes.get(value.attribute) ?? [])].sort(collator(i18n.language).compare);
  return (
    <div className="words-scope" data-testid={testId}>
      <select value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as ScopeKind })}>
        {allowNone && <option value="none">{t('words.compareNone')}</option>}
        <option value="project">{t('words.project')}</option>
        <option value="code">{t('words.code')}</option>
        <option value="group">{t('words.group')}</option>
      </select>
      {value.kind === 'code' && (
        <select value={value.codeId ?? ''} onChange={(e) => onChange({ ...value, codeId: e.target.value ? Number(e.target.value) : null })} aria-label={t('words.chooseCode')}>
          <option value="">{t('words.chooseCode')}</option>
          {codes.map((c) => (
            <option key={c.id} value={c.id}>{`${'\u2003'.repeat(c.depth)}${c.name}`}</option>
          ))}
        </select>
      )}
      {value.kind === 'group' && (
        <>
          <select value={value.attribute} onChange={(e) => onChange({ ...value, attribute: e.target.value, value: '' })} aria-label={t('words.attribute')}>
            <option value="">{t('words.attribute')}</option>
            {[...attributes.keys()].map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <select value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} aria-label={t('words.value')}>
            <option value="">{t('words.value')}</option>
            {values.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </>
      )}
    </div>
  );
}

function WordsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const codes = useApp((s) => s.codes);
  const info = useApp((s) => s.info);
  const setError = useApp((s) => s.setError);
  const [a, setA] = useState<ScopeChoice>(EMPTY);
  const [b, setB] = useState<ScopeChoice>({ ...EMPTY, kind: 'none' });
  const [excludeInterviewer, setExcludeInterviewer] = useState(false);
  const [includeNames, setIncludeNames] = useState(false);
  const [freq, setFreq] = useState<Result<'words.frequencies'> | null>(null);
  const [cmp, setCmp] = useState<Result<'words.compare'> | null>(null);
  const scopeA = useMemo(() => toScope(a, excludeInterviewer)!, [a, excludeInterviewer]);
  const scopeB = useMemo(() => toScope(b, excludeInterviewer), [b, excludeInterviewer]);
  const labelA = label(a, codes, t);
  const labelB = label(b, codes, t);
  const key = JSON.stringify([scopeA, scopeB, includeNames, info?.contentVersion]);
  // busy until the answer for the current scopes has come (derived, so the effect sets state only when it arrives)
  const [doneKey, setDoneKey] = useState<string | null>(null);
  const busy = doneKey !== key;

  useEffect(() => {
    let live = true;
    const work = scopeB
      ? api.call('words.compare', { a: scopeA, b: scopeB, limit: 500, includeSpeakerNames: includeNames }).then((r) => live && (setCmp(r), setFreq(null)))
      : api.call('words.frequencies', { scope: scopeA, limit: 500, includeSpeakerNames: includeNames }).then((r) => live && (setFreq(r), setCmp(null)));
    work.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))).finally(() => live && setDoneKey(key));
    return () => {
      live = false;
    };
  }, [key, scopeA, scopeB, includeNames, setError]);

  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    try {
      const r = await api.call('words.export', { format, a: scopeA, b: scopeB, labelA, labelB, includeSpeakerNames: includeNames, uiLanguage: lang === 'sv' ? 'sv' : 'en' });
      const bytes = Uint8Array.from(atob(r.base64 ?? ''), (c) => c.charCodeAt(0));
      download(r.fileName, new Blob([bytes], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const n = (x: number, d = 0): string => formatNumber(x, lang, d);

  return (
    <section className="panel words-view" aria-label={t('words.tab')}>
      <div className="words-controls">
        <div className="search-option"><span>{scopeB ? t('words.a') : t('words.scope')}</span><ScopePicker value={a} onChange={setA} testId="words-scope-a" /></div>
        <div className="search-option"><span>{t('words.compare')}</span><ScopePicker value={b} onChange={setB} allowNone testId="words-scope-b" /></div>
        <label className="search-option checkbox">
          <input type="checkbox" checked={excludeInterviewer} onChange={(e) => setExcludeInterviewer(e.target.checked)} data-testid="words-exclude-interviewer" />
          {t('words.excludeInterviewer')}
        </label>
        <label className="search-option checkbox" title={t('words.includeNamesHint')}>
          <input type="checkbox" checked={includeNames} onChange={(e) => setIncludeNames(e.target.checked)} data-testid="words-include-names" />
          {t('words.includeNames')}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void exportAs('csv')}>{t('words.exportCsv')}</button>
        <button type="button" onClick={() => void exportAs('xlsx')}>{t('words.exportXlsx')}</button>
      </div>
      {freq && (
        <p className="words-summary muted">{t('words.summary', { counted: n(freq.counted), words: n(freq.words), documents: n(freq.documents) })}</p>
      )}
      {cmp && <p className="words-summary muted">{t('words.g2Help')}</p>}
      <div className={`words-table-wrap ${busy ? 'busy' : ''}`}>
        {freq && freq.rows.length === 0 && <p className="empty">{t('words.empty')}</p>}
        {freq && freq.rows.length > 0 && (
          <table className="words-table" data-testid="words-table">
            <thead>
              <tr><th>{t('words.word')}</th><th className="num">{t('words.count')}</th><th className="num">{t('words.documents')}</th><th className="num">{t('words.perThousand')}</th></tr>
            </thead>
            <tbody>
              {freq.rows.map((r) => (
                <tr key={r.stem}><td>{r.word}</td><td className="num">{n(r.count)}</td><td className="num">{n(r.documents)}</td><td className="num">{n(r.perThousand, 2)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {cmp && (
          <table className="words-table" data-testid="words-compare">
            <thead>
              <tr>
                <th>{t('words.word')}</th>
                <th className="num group" title={labelA}>{labelA}</th>
                <th className="num group" title={labelB}>{labelB}</th>
                <th className="num group" title={`${t('words.perThousand')}: ${labelA}`}>‰ {labelA}</th>
                <th className="num group" title={`${t('words.perThousand')}: ${labelB}`}>‰ {labelB}</th>
                <th className="num">{t('words.g2')}</th>
                <th>{t('words.moreIn')}</th>
              </tr>
            </thead>
            <tbody>
              {cmp.rows.map((r) => (
                <tr key={r.stem} className={r.g2 >= 3.84 ? 'sig' : ''}>
                  <td>{r.word}</td><td className="num">{n(r.countA)}</td><td className="num">{n(r.countB)}</td>
                  <td className="num">{n(r.perThousandA, 2)}</td><td className="num">{n(r.perThousandB, 2)}</td><td className="num">{n(r.g2, 2)}</td>
                  <td className={`more-${r.more}`}>{r.more === 'A' ? labelA : r.more === 'B' ? labelB : '='}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

const view: ViewDef = { id: 'words', titleKey: 'words.tab', order: 45, shortcutKey: '6', component: WordsView };
export default view;
