/**
 * "Matris": the code × document / attribute matrix as a heat map, and the code × code
 * co-occurrence table below it, each with its own settings and XLSX/CSV export.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import type { DocumentFilter } from '../../../shared/contract/filter';
import type { Cooccurrence, CooccurrenceBy, Matrix, MatrixCells } from '../../../shared/contract/tables';
import { formatInteger } from '../../../shared/format/numbers';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { downloadExport } from '../tables/download';
import { FilterChips } from '../tables/FilterChips';
import { CooccurrenceBySelect } from '../tables/CooccurrenceBy';
import { DrillPanel } from '../tables/DrillPanel';
import type { DrillRequest } from '../../../shared/contract/drill';
import type { ViewDef } from './registry';
import '../tables/tables.css';

const CELLS: MatrixCells[] = ['count', 'presence', 'k-of-n', 'row-percent', 'col-percent'];

/** White → the app's red, by share of the largest value. */
function heat(v: number, max: number): string {
  if (max <= 0 || v <= 0) return 'transparent';
  const a = 0.08 + 0.72 * (v / max);
  return `rgba(192, 57, 43, ${a.toFixed(3)})`;
}

function MatrixView() {
  const { t, i18n } = useTranslation();
  const lang: 'sv' | 'en' = i18n.language.startsWith('sv') ? 'sv' : 'en';
  const info = useApp((s) => s.info);
  const setError = useApp((s) => s.setError);
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [filter, setFilter] = useState<DocumentFilter>({});
  const [showFilter, setShowFilter] = useState(false);
  const [cols, setCols] = useState('docs');
  const [cells, setCells] = useState<MatrixCells>('count');
  const [depth, setDepth] = useState<number | null>(null);
  const [by, setBy] = useState<CooccurrenceBy>('overlap');
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [co, setCo] = useState<Cooccurrence | null>(null);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const drillKey = (d: DrillRequest | null): string => (d ? JSON.stringify(d) : '');

  const file = info?.file;
  useEffect(() => {
    if (!file) return;
    api.call('attributes.list', { scope: 'document' }).then((a) => {
      setAttributes(a);
      // a first guess at useful columns, unless the user chose some already
      const termin = a.find((x) => x.name === 'termin') ?? a.find((x) => x.levels.length > 1 && x.levels.length <= 12);
      if (termin) setCols((c) => (c === 'docs' ? termin.name : c));
    }, () => setAttributes([]));
    api.call('groups.list', {}).then(setGroups, () => setGroups([]));
  }, [file]);

  // Only the latest request may set the table: an earlier, slower answer must not overwrite it.
  const matrixSeq = useRef(0);
  const coSeq = useRef(0);
  useEffect(() => {
    if (!info) return;
    const seq = ++matrixSeq.current;
    api
      .call('tables.matrix', { cols, cells, filter, language: lang, ...(depth === null ? {} : { maxDepth: depth }) })
      .then((m) => seq === matrixSeq.current && setMatrix(m), (e: Error) => setError(e.message));
  }, [info, cols, cells, depth, lang, filter, setError]);
  useEffect(() => {
    if (!info) return;
    const seq = ++coSeq.current;
    api
      .call('tables.cooccurrence', { by, filter, language: lang, codeIds: matrix?.rows.map((r) => r.codeId) })
      .then((c) => seq === coSeq.current && setCo(c), (e: Error) => setError(e.message));
  }, [info, by, lang, matrix, filter, setError]);

  const exportMatrix = async (format: 'xlsx' | 'csv'): Promise<void> => {
    try {
      downloadExport(await api.call('tables.exportMatrix', { cols, cells, filter, language: lang, format, ...(depth === null ? {} : { maxDepth: depth }) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportCo = async (format: 'xlsx' | 'csv'): Promise<void> => {
    try {
      downloadExport(await api.call('tables.exportCooccurrence', { by, filter, language: lang, format, codeIds: matrix?.rows.map((r) => r.codeId) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!info) return <p className="empty">{t('app.noProject')}</p>;
  const max = matrix ? Math.max(0, ...matrix.values.flat()) : 0;
  const coMax = co ? Math.max(0, ...co.counts.flatMap((r, i) => r.filter((_, j) => j !== i))) : 0;
  const empty = matrix !== null && matrix.totals.every((x) => x === 0);
  const matrixRequest = { cols, cells, filter, language: lang, ...(depth === null ? {} : { maxDepth: depth }) };
  const cellDrill = (codeId: number, column: string): DrillRequest => ({ from: 'matrix', request: matrixRequest, codeId, column });
  const coDrill = (a: number, b: number): DrillRequest => ({ from: 'cooccurrence', request: { by, filter, language: lang }, codeIds: [a, b] });
  const on = (d: DrillRequest): string => (drillKey(d) === drillKey(drill) ? ' drill-on' : '');
  return (
    <div className="drill-host">
    <div className="mx-view drill-main">
      <section className="mx-block">
        <div className="tt-toolbar">
          <span className="tt-toolbar-title">{t('tables.matrix.title')}</span>
          <label>
            {t('tables.matrix.cols')}{' '}
            <select value={cols} onChange={(e) => setCols(e.target.value)}>
              <option value="docs">{t('tables.matrix.docs')}</option>
              {attributes.map((a) => <option key={a.id} value={a.name}>{a.name}</option>)}
            </select>
          </label>
          <label>
            {t('tables.matrix.cells')}{' '}
            <select value={cells} onChange={(e) => setCells(e.target.value as MatrixCells)}>
              {CELLS.map((c) => <option key={c} value={c}>{t(`tables.matrix.cellMode.${c}`)}</option>)}
            </select>
          </label>
          <label>
            {t('tables.matrix.depth')}{' '}
            <select value={depth ?? ''} onChange={(e) => setDepth(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('tables.matrix.allLevels')}</option>
              {[0, 1, 2].map((d) => <option key={d} value={d}>{`1–${d + 1}`}</option>)}
            </select>
          </label>
          <button type="button" aria-expanded={showFilter} className={Object.keys(filter).length ? 'on' : ''} onClick={() => setShowFilter(!showFilter)}>
            {t('tables.filter')}{Object.keys(filter).length ? ' ●' : ''}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => void exportMatrix('xlsx')}>XLSX</button>
          <button type="button" onClick={() => void exportMatrix('csv')}>CSV</button>
        </div>
        {showFilter && (
          <div className="mx-filter">
            <FilterChips filter={filter} onChange={setFilter} attributes={attributes} groups={groups} />
          </div>
        )}
        {empty && <p className="empty">{t('tables.matrix.empty')}</p>}
        {matrix && (
          <div className="mx-scroll">
            <table className="mx-table" data-testid="matrix-table">
              <thead>
                <tr>
                  <th className="mx-code">{t('tables.matrix.code')}</th>
                  {matrix.columns.map((c) => (
                    <th key={c.key} title={c.label}>
                      <span className="mx-col">{c.label}</span>
                      {matrix.cols !== 'docs' && <span className="mx-n">n={formatInteger(c.documents, lang)}</span>}
                    </th>
                  ))}
                  <th>{t('tables.matrix.total')}</th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r, i) => (
                  <tr key={r.codeId} className={r.depth === 0 ? 'mx-top' : ''}>
                    <th className="mx-code" style={{ paddingLeft: 8 + r.depth * 14 }} title={r.path}>{r.name}</th>
                    {matrix.values[i]!.map((v, j) => (
                      <td
                        key={j}
                        className={`drillable${on(cellDrill(r.codeId, matrix.columns[j]!.key))}`}
                        style={{ background: heat(v, max) }}
                        onClick={() => setDrill(cellDrill(r.codeId, matrix.columns[j]!.key))}
                        data-testid="matrix-cell"
                      >
                        {matrix.display[i]![j]}
                      </td>
                    ))}
                    <td className="mx-total">{formatInteger(matrix.totals[i]!, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="mx-block">
        <div className="tt-toolbar">
          <span className="tt-toolbar-title">{t('tables.matrix.cooccurrence')}</span>
          <CooccurrenceBySelect value={by} onChange={setBy} />
          <span className="spacer" />
          <button type="button" onClick={() => void exportCo('xlsx')}>XLSX</button>
          <button type="button" onClick={() => void exportCo('csv')}>CSV</button>
        </div>
        {co && (
          <div className="mx-scroll">
            <table className="mx-table mx-co" data-testid="cooccurrence-table">
              <thead>
                <tr>
                  <th className="mx-code">{t('tables.matrix.code')}</th>
                  {co.codes.map((c) => (
                    <th key={c.codeId} className="mx-rot" title={c.path}><span>{c.name}</span></th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {co.codes.map((r, i) => (
                  <tr key={r.codeId}>
                    <th className="mx-code" style={{ paddingLeft: 8 + r.depth * 14 }} title={r.path}>{r.name}</th>
                    {co.counts[i]!.map((v, j) => (
                      <td
                        key={j}
                        className={`${i === j ? 'mx-diag' : ''}${v > 0 ? ` drillable${on(coDrill(r.codeId, co.codes[j]!.codeId))}` : ''}`}
                        style={{ background: i === j ? undefined : heat(v, coMax) }}
                        onClick={v > 0 ? () => setDrill(coDrill(r.codeId, co.codes[j]!.codeId)) : undefined}
                        data-testid="cooccurrence-cell"
                      >
                        {v === 0 ? '' : formatInteger(v, lang)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
    <DrillPanel request={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

const view: ViewDef = { id: 'matrix', titleKey: 'tables.matrixTab', order: 51, shortcutKey: '8', component: MatrixView };
export default view;
