/**
 * The term report (följeforskning): settings on the left (term, group, district attributes,
 * the codes), on the right the "k av n" table per term with percent shading, the trend chart
 * (the same SVG the DOCX and XLSX carry), the report sentences and the ranking. Exports DOCX
 * and XLSX (a download in browser mode).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { termChartPlan, termChartSvg } from '../../../shared/charts/term-chart';
import type { TermReport } from '../../../shared/contract/reports';
import { formatInteger, formatKofN, formatPercent } from '../../../shared/format/numbers';
import { useApp } from '../store/app-store';
import { useReports } from '../store/reports-store';
import { wording } from '../../../shared/wording';
import { DrillPanel } from '../tables/DrillPanel';
import type { DrillRequest } from '../../../shared/contract/drill';
import '../tables/tables.css';
import type { ViewDef } from './registry';
import '../reports/reports.css';

type Lang = 'sv' | 'en';

function TermReportView() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sv';
  const info = useApp((s) => s.info);
  const codes = useApp((s) => s.codes);
  const s = useReports();
  const { loadVariables, runTerm } = s;
  const contentVersion = info?.contentVersion;

  useEffect(() => {
    void loadVariables();
  }, [loadVariables, contentVersion]);

  // runTerm reads the settings from the store; they are listed so a change recomputes the report
  const { term, group, district, codeIds, includeSubcodes } = s;
  useEffect(() => {
    void runTerm(lang);
  }, [runTerm, term, group, district, codeIds, includeSubcodes, lang, contentVersion, codes]);

  const chosen = useMemo(() => new Set(s.codeIds ?? codes.filter((c) => c.parentId === null).map((c) => c.id)), [s.codeIds, codes]);
  const toggle = (id: number, on: boolean): void => {
    const ids = codes.filter((c) => (c.id === id ? on : chosen.has(c.id))).map((c) => c.id);
    s.set({ codeIds: ids });
  };
  const docVars = s.variables.filter((v) => Object.keys(v.used).length > 0);
  const [drill, setDrill] = useState<DrillRequest | null>(null);

  return (
    <div className={`report-view${drill ? ' with-drill' : ''}`} data-testid="term-report-view">
      <aside className="panel report-settings" aria-labelledby="report-settings-title">
        <header className="panel-header">
          <h2 id="report-settings-title">{t('reports.settings')}</h2>
        </header>
        <div className="report-settings-body">
          <label className="report-field">
            <span>{t('reports.term')}</span>
            <select data-testid="report-term" value={s.term ?? ''} onChange={(e) => s.set({ term: e.target.value || null })}>
              {!s.term && <option value="">{t('reports.none')}</option>}
              {docVars.map((v) => (
                <option key={v.name} value={v.name}>{v.name}</option>
              ))}
            </select>
          </label>
          <label className="report-field">
            <span>{t('reports.group')}</span>
            <select data-testid="report-group" value={s.group ?? ''} onChange={(e) => s.set({ group: e.target.value || null })}>
              <option value="">{t('reports.none')}</option>
              {docVars.filter((v) => v.name !== s.term).map((v) => (
                <option key={v.name} value={v.name}>{v.name}</option>
              ))}
            </select>
          </label>
          <label className="report-field">
            <span>{t('reports.district')}</span>
            <select data-testid="report-district" value={s.district ?? ''} onChange={(e) => s.set({ district: e.target.value || null })}>
              <option value="">{t('reports.none')}</option>
              {docVars.filter((v) => v.name !== s.term && v.name !== s.group).map((v) => (
                <option key={v.name} value={v.name}>{v.name}</option>
              ))}
            </select>
          </label>
          <fieldset className="report-field report-chart-kind">
            <legend>{t('reports.chart')}</legend>
            <label><input type="radio" name="chart-kind" checked={s.chart === 'line'} onChange={() => s.set({ chart: 'line' })} data-testid="chart-line" /> {t('reports.line')}</label>
            <label><input type="radio" name="chart-kind" checked={s.chart === 'bar'} onChange={() => s.set({ chart: 'bar' })} data-testid="chart-bar" /> {t('reports.bar')}</label>
          </fieldset>
          <label className="report-field">
            <span>{t('reports.chartLayout')}</span>
            <select data-testid="report-chart-layout" value={s.chartLayout} onChange={(e) => s.set({ chartLayout: e.target.value as typeof s.chartLayout })}>
              {(['auto', 'small-multiples', 'top5', 'overlay'] as const).map((l) => (
                <option key={l} value={l}>{t(`reports.chartLayouts.${l}`)}</option>
              ))}
            </select>
          </label>
          <div className="report-codes-head">
            <span>{t('reports.codes')}</span>
            <span>
              <button type="button" className="link-button" onClick={() => s.set({ codeIds: codes.map((c) => c.id) })}>{t('reports.all')}</button>
              {' · '}
              <button type="button" className="link-button" onClick={() => s.set({ codeIds: [] })}>{t('reports.noneCodes')}</button>
            </span>
          </div>
          <ul className="report-codes" data-testid="report-codes">
            {codes.map((c) => (
              <li key={c.id} style={{ paddingLeft: `${c.depth * 14}px` }}>
                <label title={c.path}>
                  <input type="checkbox" data-testid="report-code" data-path={c.path} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                  <span className="code-swatch" style={{ background: c.color }} aria-hidden="true" />
                  <span className="report-code-name">{c.name}</span>
                </label>
              </li>
            ))}
          </ul>
          <label className="report-check">
            <input type="checkbox" checked={s.includeSubcodes} onChange={(e) => s.set({ includeSubcodes: e.target.checked })} /> {t('reports.withSub')}
          </label>
          <div className="report-actions">
            <button type="button" data-testid="export-docx" disabled={!s.report} onClick={() => void s.exportTerm('docx', lang)}>{t('reports.exportDocx')}</button>
            <button type="button" data-testid="export-xlsx" disabled={!s.report} onClick={() => void s.exportTerm('xlsx', lang)}>{t('reports.exportXlsx')}</button>
            {s.notice && <p className="report-notice" role="status">{t('reports.exported', { name: s.notice })}</p>}
          </div>
        </div>
      </aside>
      <section className="panel report-main" aria-label={t('reports.tab')}>
        {s.error && <p className="report-error" role="alert">{s.error}</p>}
        {!s.term && docVars.length === 0 && <p className="report-empty">{t('reports.noAttributes')}</p>}
        {s.codeIds?.length === 0 && <p className="report-empty">{t('reports.noCodes')}</p>}
        {s.busy && !s.report && <p className="report-empty" role="status">{t('reports.loading')}</p>}
        {s.report && <ReportBody report={s.report} lang={lang} includeSubcodes={s.includeSubcodes} drill={drill} onDrill={setDrill} />}
      </section>
      <DrillPanel request={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

interface BodyProps {
  report: TermReport;
  lang: Lang;
  includeSubcodes: boolean;
  drill: DrillRequest | null;
  onDrill: (d: DrillRequest) => void;
}

function ReportBody({ report, lang, includeSubcodes, drill, onDrill }: BodyProps) {
  const { t } = useTranslation();
  const split = useReports((s) => s.split);
  const chart = useReports((s) => s.chart);
  const chartLayout = useReports((s) => s.chartLayout);
  const set = useReports((s) => s.set);
  const group = split && report.groups.includes(split) ? split : null;
  // Draw the chart at the width it gets, so its text stays at its real size (the SVG is not scaled down).
  const chartRef = useRef<HTMLDivElement>(null);
  const [chartWidth, setChartWidth] = useState(720);
  useEffect(() => {
    const el = chartRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setChartWidth(Math.max(420, Math.min(900, Math.floor(entry!.contentRect.width) - 2))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const svg = useMemo(() => termChartSvg(report, group, chart, chartWidth, chartLayout), [report, group, chart, chartWidth, chartLayout]);
  const rest = useMemo(() => termChartPlan(report, group, chartLayout).rest, [report, group, chartLayout]);
  const names = new Map(report.rows.map((r) => [r.codeId, r.name]));
  // The report's own settings, so the panel counts exactly what the table counted.
  const request = {
    term: report.attributes.term,
    ...(report.attributes.group ? { group: report.attributes.group } : {}),
    ...(report.attributes.district ? { district: report.attributes.district } : {}),
    codes: report.rows.map((r) => r.codeId),
    terms: report.terms,
    includeSubcodes,
    language: lang,
  };
  /** The drill request of a cell: term index (or all terms for the Totalt column is not drillable). */
  const cellDrill = (codeId: number, term: string): DrillRequest => ({ from: 'term', request, codeId, term, ...(group ? { group } : {}) });
  const isOn = (d: DrillRequest): boolean => drill !== null && JSON.stringify(d) === JSON.stringify(drill);

  return (
    <div className="report-body">
      <h2 className="report-title">{report.title}</h2>
      {report.groups.length > 0 && (
        <div className="report-split" role="tablist" aria-label={t('reports.group')}>
          {['', ...report.groups].map((g) => (
            <button key={g || '*'} type="button" role="tab" aria-selected={split === g} className={split === g ? 'active' : ''} data-testid="report-split" onClick={() => set({ split: g })}>
              {g || t('reports.allInterviews')}
            </button>
          ))}
        </div>
      )}
      <div className="report-table-wrap">
        <table className="report-table" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.code')}</th>
              {report.terms.map((term) => (
                <th key={term} scope="col" className="num">{term}</th>
              ))}
              <th scope="col" className="num">{t('reports.total')}</th>
            </tr>
            <tr className="report-held">
              <th scope="row">{t('reports.held')}</th>
              {report.held.map((h) => (
                <td key={h.term} className="num">{formatInteger(group ? (h.groups[group] ?? 0) : h.n, lang)}</td>
              ))}
              <td className="num">{formatInteger(report.held.reduce((a, h) => a + (group ? (h.groups[group] ?? 0) : h.n), 0), lang)}</td>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.codeId} data-testid="report-row">
                <th scope="row" title={r.path}>
                  <span className="code-swatch" style={{ background: r.color }} aria-hidden="true" />
                  {r.name}
                </th>
                {[...r.terms.map((c) => (group ? c.groups[group]! : c)), group ? r.groupTotals[group]! : r.total].map((c, i) => (
                  <td
                    key={i}
                    className={`num kofn${i < report.terms.length && c.n > 0 ? ` drillable${isOn(cellDrill(r.codeId, report.terms[i]!)) ? ' drill-on' : ''}` : ''}`}
                    style={{ background: c.percent === null ? undefined : `rgba(163, 36, 43, ${(c.percent / 100) * 0.28})` }}
                    data-testid="report-cell"
                    onClick={i < report.terms.length && c.n > 0 ? () => onDrill(cellDrill(r.codeId, report.terms[i]!)) : undefined}
                  >
                    {c.n === 0 ? (
                      '–'
                    ) : (
                      <>
                        <span className="k">{formatKofN(c.k, c.n, lang)}</span>
                        <span className="pct">{formatPercent(c.percent ?? 0, lang)}</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.districts.length > 0 && <DistrictTable report={report} lang={lang} splitActive={group !== null} />}
      <figure className="report-chart" data-testid="report-chart">
        <figcaption>{t('reports.trend')}{group ? ` – ${group}` : ''}</figcaption>
        {/* Our own SVG string from shared/charts (names escaped there), the same one the DOCX carries as PNG. */}
        <div ref={chartRef} dangerouslySetInnerHTML={{ __html: svg }} />
        {rest.length > 0 && <p className="report-note">{t('reports.chartRest', { names: rest.join(', ') })}</p>}
      </figure>
      <div className="report-columns">
        <section>
          <h3>{t('reports.sentences')}</h3>
          {report.terms.map((term) => (
            <div key={term} className="report-sentences">
              <h4>{term}</h4>
              <ul>
                {report.sentences.filter((x) => x.term === term).map((x) => (
                  <li key={x.codeId}>{x.text}</li>
                ))}
              </ul>
            </div>
          ))}
          {report.trends.length > 0 && (
            <div className="report-sentences" data-testid="report-trends">
              <h4>{t('reports.change', { from: report.terms[0], to: report.terms[report.terms.length - 1] })}</h4>
              <ul>
                {report.trends.map((x) => (
                  <li key={x.codeId}>{x.text}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section>
          <h3>{t('reports.ranking')}</h3>
          <table className="report-ranking">
            <thead>
              <tr>
                {report.ranking.map((rk) => (
                  <th key={rk.term} scope="col">{rk.term}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.max(0, ...report.ranking.map((rk) => rk.entries.length)) }, (_, j) => (
                <tr key={j}>
                  {report.ranking.map((rk) => {
                    const e = rk.entries[j];
                    return (
                      <td key={rk.term}>
                        {e && (
                          <>
                            <span className="rank">{wording(lang).rankCell(e.rank, e.tied)}</span> {names.get(e.codeId)} <span className="muted">({e.k})</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {report.ranking.map((rk) => (
            <p key={rk.term} className="report-note">
              {rk.text}
              {rk.notRaised.length > 0 && ` ${wording(lang).notRaised(rk.term, rk.notRaised.map((id) => names.get(id)!))}`}
            </p>
          ))}
          <h3>{t('reports.notes')}</h3>
          {report.notes.map((n, i) => (
            <p key={i} className="report-note">{n}</p>
          ))}
        </section>
      </div>
    </div>
  );
}

/** Codes × districts for one term ("k/n"), the term chosen above the table. */
function DistrictTable({ report, lang, splitActive }: { report: TermReport; lang: Lang; splitActive: boolean }) {
  const { t } = useTranslation();
  const [term, setTerm] = useState(report.terms[report.terms.length - 1] ?? '');
  const i = Math.max(0, report.terms.indexOf(term));
  return (
    <section className="report-district">
      <h3>
        {t('reports.byDistrict')}{' '}
        <select aria-label={t('reports.term')} value={report.terms[i]} onChange={(e) => setTerm(e.target.value)}>
          {report.terms.map((x) => (
            <option key={x} value={x}>{x}</option>
          ))}
        </select>
        {splitActive && <span className="muted"> ({t('reports.allInterviews').toLowerCase()})</span>}
      </h3>
      <div className="report-table-wrap">
        <table className="report-table report-table-compact" data-testid="report-district-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.code')}</th>
              {report.districts.map((d) => (
                <th key={d} scope="col" className="num">{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.codeId}>
                <th scope="row" title={r.path}>{r.name}</th>
                {report.districts.map((d) => {
                  const c = r.terms[i]!.districts[d]!;
                  return (
                    <td key={d} className="num" style={{ background: c.percent === null ? undefined : `rgba(163, 36, 43, ${(c.percent / 100) * 0.28})` }} title={c.percent === null ? undefined : formatPercent(c.percent, lang)}>
                      {c.n === 0 ? '–' : `${formatInteger(c.k, lang)}/${formatInteger(c.n, lang)}`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const view: ViewDef = { id: 'term-report', titleKey: 'reports.tab', order: 60, shortcutKey: '9', component: TermReportView };
export default view;
