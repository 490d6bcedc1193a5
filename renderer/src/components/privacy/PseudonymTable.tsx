/**
 * The code key as an editable table: each name with its pseudonym, kind and how often it
 * occurs in the documents; a search field and kind filters with their counts. A cell is
 * saved on Enter or when focus leaves it (one undo step), Escape puts it back; ↑/↓ move to the
 * same cell of the row above or below.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PseudonymKind, PseudonymRow } from '../../../../shared/contract/privacy';
import { formatNumber } from '../../util/format';
import { useDraft } from '../../util/use-draft';
import { occurrenceOf, usePseudonyms } from '../../store/pseudonym-store';

export const KINDS: readonly PseudonymKind[] = ['person', 'place', 'unit', 'other'];

/** ↑/↓ move to the same column in the row above or below. */
function moveVertically(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  if (e.currentTarget instanceof HTMLSelectElement) return; // a select uses the arrows itself
  const cell = e.currentTarget.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return;
  const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLTableRowElement | null;
  const target = next?.cells[cell.cellIndex]?.querySelector<HTMLElement>('input, select, button');
  if (!target) return;
  e.preventDefault();
  target.focus();
}

function EditableCell({ value, label, onCommit, testId }: { value: string; label: string; onCommit(v: string): void; testId: string }) {
  const [draft, setDraft] = useDraft(value);
  const commit = (): void => {
    const v = draft.trim().replace(/\s+/gu, ' ');
    if (!v) setDraft(value);
    else if (v !== value) onCommit(v);
  };
  return (
    <input
      className="cell-input"
      aria-label={label}
      value={draft}
      data-testid={testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(value);
        } else moveVertically(e);
      }}
    />
  );
}

export function PseudonymTable() {
  const { t, i18n } = useTranslation();
  const entries = usePseudonyms((s) => s.entries);
  const occurrences = usePseudonyms((s) => s.occurrences);
  const save = usePseudonyms((s) => s.save);
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  // "/" finds a name, as in the other lists; not while typing in a field or with a dialog open
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select, [contenteditable], [role="dialog"]')) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [kind, setKind] = useState<PseudonymKind | 'all'>('all');
  const perKind = useMemo(() => {
    const n: Record<PseudonymKind, number> = { person: 0, place: 0, unit: 0, other: 0 };
    for (const e of entries) n[e.kind]++;
    return n;
  }, [entries]);
  const q = query.trim().toLocaleLowerCase('sv');
  const shown = entries.filter((e) => (kind === 'all' || e.kind === kind) && (!q || e.real.toLocaleLowerCase('sv').includes(q) || e.pseudonym.toLocaleLowerCase('sv').includes(q)));
  const replace = (old: PseudonymRow, next: PseudonymRow): void => void save(entries.map((e) => (e === old ? next : e)));
  const fmt = (n: number): string => formatNumber(n, i18n.language);

  return (
    <>
      <div className="pseudonym-toolbar">
        <input ref={search} type="search" className="pseudonym-search" onKeyDown={(e) => e.key === 'Escape' && setQuery('')} placeholder={t('privacy.search')} aria-label={t('privacy.search')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="pseudonym-search" />
        <div className="kind-filter" role="group" aria-label={t('privacy.kind')}>
          {(['all', ...KINDS] as const).map((k) => (
            <button key={k} type="button" className="kind-chip" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`kind-filter-${k}`}>
              {k === 'all' ? t('privacy.all') : t(`privacy.kinds.${k}`)} <span className="kind-count">{fmt(k === 'all' ? entries.length : perKind[k])}</span>
            </button>
          ))}
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="empty">{t('privacy.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('privacy.noMatch')}</p>
      ) : (
        <div className="pseudonym-table-wrap">
          <table className="pseudonym-table" data-testid="pseudonym-table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.real')}</th>
                <th scope="col" aria-hidden="true" />
                <th scope="col">{t('privacy.pseudonym')}</th>
                <th scope="col">{t('privacy.kind')}</th>
                <th scope="col" className="num">{t('privacy.occurrences')}</th>
                <th scope="col"><span className="sr-only">{t('privacy.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const occ = occurrenceOf(occurrences, e.real);
                return (
                  <tr key={e.real} data-testid="pseudonym-row" data-kind={e.kind}>
                    <td><EditableCell value={e.real} label={t('privacy.real')} testId="pseudonym-real-cell" onCommit={(real) => replace(e, { ...e, real })} /></td>
                    <td className="arrow" aria-hidden="true">→</td>
                    <td><EditableCell value={e.pseudonym} label={t('privacy.pseudonymOf', { name: e.real })} testId="pseudonym-cell" onCommit={(pseudonym) => replace(e, { ...e, pseudonym })} /></td>
                    <td>
                      <select className={`kind-select kind-${e.kind}`} aria-label={t('privacy.kindOf', { name: e.real })} value={e.kind} onChange={(ev) => replace(e, { ...e, kind: ev.target.value as PseudonymKind })} data-testid="pseudonym-kind">
                        {KINDS.map((k) => <option key={k} value={k}>{t(`privacy.kinds.${k}`)}</option>)}
                      </select>
                    </td>
                    <td className="num" data-testid="pseudonym-count" title={occ ? t('privacy.occurrencesHint', { count: occ.count, documents: occ.documents }) : undefined}>
                      {occ === undefined ? '' : occ.count === 0 ? <span className="muted">{t('privacy.notFound')}</span> : t('privacy.inDocuments', { count: occ.documents, n: fmt(occ.count) })}
                    </td>
                    <td>
                      <button type="button" className="row-remove" aria-label={t('privacy.removeName', { name: e.real })} title={t('privacy.removeName', { name: e.real })} onKeyDown={moveVertically} onClick={() => void save(entries.filter((x) => x !== e))} data-testid="pseudonym-remove">×</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
