/**
 * The quotation manager: every quotation, filtered by codes (AND/OR, with or without
 * sub-codes), document, document group, speaker, attribute values and text; a row jumps to
 * the quotation in its document; the selection exports as CSV or XLSX.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import type { QuotationQuery, QuotationRow } from '../../../shared/contract/coding';
import { api } from '../api/client';
import { download } from '../components/CodeTree';
import { rankCodes } from '../components/QuickCode';
import { VirtualList } from '../components/VirtualList';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { useView } from '../store/view-store';
import { collator, formatNumber } from '../util/format';
import type { ViewDef } from './registry';

type Updater<T> = T | ((old: T) => T);
interface Filters {
  codeIds: number[];
  codeMode: 'and' | 'or';
  includeSubcodes: boolean;
  documentId: number | null;
  groupId: number | null;
  speaker: string;
  where: Record<string, string>;
  text: string;
  setCodeIds(v: Updater<number[]>): void;
  setCodeMode(v: 'and' | 'or'): void;
  setIncludeSubcodes(v: boolean): void;
  setDocumentId(v: number | null): void;
  setGroupId(v: number | null): void;
  setSpeaker(v: string): void;
  setWhere(v: Updater<Record<string, string>>): void;
  setText(v: string): void;
}

/** The filters outlive the tab, so switching to a document and back keeps them. */
const useFilters = create<Filters>((set, get) => ({
  codeIds: [],
  codeMode: 'or',
  includeSubcodes: true,
  documentId: null,
  groupId: null,
  speaker: '',
  where: {},
  text: '',
  setCodeIds: (v) => set({ codeIds: typeof v === 'function' ? v(get().codeIds) : v }),
  setCodeMode: (codeMode) => set({ codeMode }),
  setIncludeSubcodes: (includeSubcodes) => set({ includeSubcodes }),
  setDocumentId: (documentId) => set({ documentId }),
  setGroupId: (groupId) => set({ groupId }),
  setSpeaker: (speaker) => set({ speaker }),
  setWhere: (v) => set({ where: typeof v === 'function' ? v(get().where) : v }),
  setText: (text) => set({ text }),
}));

/** Rows shown before the rest of the list and its total arrive. */
const FIRST_PAGE = 200;

function QuotationManager() {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const tick = useCoding((s) => s.tick);
  const { codeIds, codeMode, includeSubcodes, documentId, groupId, speaker, where, text } = useFilters();
  const { setCodeIds, setCodeMode, setIncludeSubcodes, setDocumentId, setGroupId, setSpeaker, setWhere, setText } = useFilters.getState();
  const [codeQuery, setCodeQuery] = useState('');
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [result, setResult] = useState<{ total: number | null; rows: QuotationRow[] }>({ total: 0, rows: [] });
  const { run, jumpTo } = useCoding.getState();

  useEffect(() => {
    void run(async () => {
      const [a, g] = await Promise.all([api.call('attributes.list', { scope: 'document' }), api.call('groups.list', {})]);
      setAttributes(a);
      setGroups(g);
    });
  }, [tick, run]);

  const query = useMemo<QuotationQuery>(() => {
    const q: QuotationQuery = { codeMode, includeSubcodes };
    if (codeIds.length) q.codeIds = codeIds;
    if (documentId !== null) q.documentIds = [documentId];
    if (groupId !== null) q.groupIds = [groupId];
    const sp = speaker.split(',').map((s) => s.trim()).filter(Boolean);
    if (sp.length) q.speakers = sp;
    const w = Object.fromEntries(Object.entries(where).filter(([, v]) => v).map(([k, v]) => [k, [v]]));
    if (Object.keys(w).length) q.where = w;
    if (text.trim()) q.text = text.trim();
    return q;
  }, [codeIds, codeMode, includeSubcodes, documentId, groupId, speaker, where, text]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void run(async () => {
        // the first page at once, uncounted; then the longer list with its total
        const first = await api.call('quotations.query', { ...query, limit: FIRST_PAGE, countTotal: false });
        if (!live) return;
        setResult(first);
        if (!first.more) return setResult({ ...first, total: first.rows.length });
        const r = await api.call('quotations.query', { ...query, limit: 5000 });
        if (live) setResult(r);
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, tick, run]);

  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    const r = await run(() => api.call('quotations.export', { ...query, format }));
    if (!r?.base64) return;
    const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
    download(r.fileName, new Blob([bytes], { type: r.mimeType }));
  };

  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const codeOptions = codeQuery.trim() ? rankCodes(codes, codeQuery, [], i18n.language).filter((c) => !codeIds.includes(c.id)).slice(0, 8) : [];
  const sortedDocs = useMemo(() => [...documents].sort((a, b) => collator(i18n.language).compare(a.name, b.name)), [documents, i18n.language]);
  const active = codeIds.length + (documentId !== null ? 1 : 0) + (groupId !== null ? 1 : 0) + (speaker.trim() ? 1 : 0) + Object.values(where).filter(Boolean).length + (text.trim() ? 1 : 0);

  return (
    <div className="quotation-manager">
      <section className="panel qm-filters" aria-labelledby="qm-filters-title">
        <header className="panel-header">
          <h2 id="qm-filters-title">{t('coding.qm.filters')}</h2>
          {active > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => (setCodeIds([]), setDocumentId(null), setGroupId(null), setSpeaker(''), setWhere({}), setText(''))}
            >
              {t('coding.qm.clear')}
            </button>
          )}
        </header>
        <div className="qm-filter-body">
          <fieldset>
            <legend>{t('coding.qm.codes')}</legend>
            <div className="qm-chips">
              {codeIds.map((id) => (
                <span key={id} className="code-chip" style={{ borderColor: byId.get(id)?.color }} data-testid="qm-code-chip">
                  <span className="swatch" style={{ background: byId.get(id)?.color }} aria-hidden />
                  {byId.get(id)?.name ?? id}
                  <button type="button" className="chip-x" aria-label={t('coding.qm.removeCode', { name: byId.get(id)?.name ?? id })} onClick={() => setCodeIds((x) => x.filter((y) => y !== id))}>×</button>
                </span>
              ))}
            </div>
            <div className="qm-code-picker">
              <input
                type="search"
                placeholder={t('coding.qm.addCode')}
                aria-label={t('coding.qm.addCode')}
                value={codeQuery}
                onChange={(e) => setCodeQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && codeOptions[0]) { e.preventDefault(); setCodeIds((x) => [...x, codeOptions[0]!.id]); setCodeQuery(''); }
                }}
                data-testid="qm-code-input"
              />
              {codeOptions.length > 0 && (
                <ul className="qm-options" role="listbox" aria-label={t('coding.qm.addCode')}>
                  {codeOptions.map((c) => (
                    <li key={c.id} role="option" aria-selected={false} onClick={() => (setCodeIds((x) => [...x, c.id]), setCodeQuery(''))} data-testid="qm-code-option">
                      <span className="swatch" style={{ background: c.color }} aria-hidden /> {c.path}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="qm-modes" role="radiogroup" aria-label={t('coding.qm.codes')}>
              <label className="qm-row"><input type="radio" name="mode" checked={codeMode === 'or'} onChange={() => setCodeMode('or')} /> {t('coding.qm.or')}</label>
              <label className="qm-row"><input type="radio" name="mode" checked={codeMode === 'and'} onChange={() => setCodeMode('and')} /> {t('coding.qm.and')}</label>
            </div>
            <label className="qm-row"><input type="checkbox" checked={includeSubcodes} onChange={(e) => setIncludeSubcodes(e.target.checked)} /> {t('coding.qm.subcodes')}</label>
          </fieldset>
          <label>
            {t('coding.qm.document')}
            <select value={documentId ?? ''} onChange={(e) => setDocumentId(e.target.value ? Number(e.target.value) : null)} data-testid="qm-document">
              <option value="">{t('coding.qm.all')}</option>
              {sortedDocs.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
          <label>
            {t('coding.qm.group')}
            <select value={groupId ?? ''} onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)} data-testid="qm-group">
              <option value="">{t('coding.qm.all')}</option>
              {groups.map((g) => <option key={g.id} value={g.id}>{g.name} ({g.documentIds.length})</option>)}
            </select>
          </label>
          <label>
            {t('coding.qm.speaker')}
            <input type="search" value={speaker} onChange={(e) => setSpeaker(e.target.value)} placeholder={t('coding.qm.speakerHint')} data-testid="qm-speaker" />
          </label>
          {attributes.map((a) => (
            <label key={a.id}>
              {a.name}
              <select value={where[a.name] ?? ''} onChange={(e) => setWhere((w) => ({ ...w, [a.name]: e.target.value }))} data-testid={`qm-attr-${a.name}`}>
                <option value="">{t('coding.qm.all')}</option>
                {a.levels.map((l) => <option key={l} value={l}>{l}</option>)}
              </select>
            </label>
          ))}
          <label>
            {t('coding.qm.text')}
            <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="qm-text" />
          </label>
        </div>
      </section>
      <section className="panel qm-results" aria-labelledby="qm-title">
        <header className="panel-header">
          <h2 id="qm-title">{t('coding.qm.title')}</h2>
          <span className="qm-count" data-testid="qm-count">
            {result.total === null
              ? t('coding.qm.count', { count: result.rows.length, n: `${formatNumber(result.rows.length, i18n.language)}+` })
              : t('coding.qm.count', { count: result.total, n: formatNumber(result.total, i18n.language) })}
          </span>
          <span className="spacer" />
          <button type="button" className="small-button" onClick={() => void exportAs('csv')} data-testid="qm-export-csv">{t('coding.qm.exportCsv')}</button>
          <button type="button" className="small-button" onClick={() => void exportAs('xlsx')} data-testid="qm-export-xlsx">{t('coding.qm.exportXlsx')}</button>
        </header>
        <div className="qm-table-head" aria-hidden>
          <span>{t('coding.qm.document')}</span>
          <span>{t('coding.qm.speaker')}</span>
          <span>{t('coding.qm.text')}</span>
          <span>{t('coding.qm.codes')}</span>
        </div>
        {result.rows.length === 0 ? (
          <p className="empty">{t('quotations.empty')}</p>
        ) : (
          <VirtualList
            items={result.rows}
            ariaLabel={t('coding.qm.title')}
            estimateSize={() => 56}
            getKey={(q) => q.id}
            render={(q) => (
              <button
                type="button"
                className="qm-row-item"
                onClick={() => {
                  void jumpTo({ documentId: q.documentId, start: q.start, end: q.end }, q.id);
                  useView.getState().show('document');
                }}
                title={t('coding.qm.jump')}
                data-testid="qm-row"
              >
                <span className="qm-doc">{q.documentName}</span>
                <span className="qm-speaker">{q.speaker ?? '–'}</span>
                <span className="qm-text">{q.text}{q.comment ? <em className="muted"> — {q.comment}</em> : null}</span>
                <span className="qm-codes">
                  {q.codeIds.map((id, i) => (
                    <span key={id} className="chip" style={{ borderColor: byId.get(id)?.color }} title={q.codePaths[i]}>{byId.get(id)?.name ?? q.codePaths[i]}</span>
                  ))}
                </span>
              </button>
            )}
          />
        )}
      </section>
    </div>
  );
}

const view: ViewDef = { id: 'quotations', titleKey: 'coding.views.quotations', order: 10, shortcutKey: '2', component: QuotationManager };
export default view;
