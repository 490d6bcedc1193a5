/**
 * Survey frequency tables: choose questions (attributes of survey answers) on the left; each
 * shows as an Antal/Procent table with "Ej svar" and "Totalt", its categories movable up and
 * down (the order goes into the exports); ranked choices add the total over the choices.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrequencyTable } from '../../../shared/contract/reports';
import { formatInteger, formatPercentNumber } from '../../../shared/format/numbers';
import { useApp } from '../store/app-store';
import { useReports } from '../store/reports-store';
import type { ViewDef } from './registry';
import '../reports/reports.css';

type Lang = 'sv' | 'en';

function FrequenciesView() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sv';
  const info = useApp((s) => s.info);
  const s = useReports();
  const { loadVariables, runFreq } = s;
  const contentVersion = info?.contentVersion;

  useEffect(() => {
    void loadVariables();
  }, [loadVariables, contentVersion]);
  // runFreq reads the settings from the store; they are listed so a change recomputes the tables
  const { freqVars, ranked, rounding, orders, openGroup, variables } = s;
  useEffect(() => {
    void runFreq(lang);
  }, [runFreq, freqVars, ranked, rounding, orders, openGroup, variables, lang, contentVersion]);

  const surveyVars = s.variables.filter((v) => (v.used.survey ?? 0) > 0);
  const toggle = (name: string, on: boolean): void => {
    const next = s.variables.map((v) => v.name).filter((n) => (n === name ? on : s.freqVars.includes(n)));
    s.set({ freqVars: next });
  };

  return (
    <div className="report-view" data-testid="frequencies-view">
      <aside className="panel report-settings" aria-labelledby="freq-settings-title">
        <header className="panel-header">
          <h2 id="freq-settings-title">{t('reports.freq.variables')}</h2>
        </header>
        <div className="report-settings-body">
          {surveyVars.length === 0 && <p className="report-empty">{t('reports.freq.noSurvey')}</p>}
          <ul className="report-codes">
            {surveyVars.map((v) => (
              <li key={v.name}>
                <label>
                  <input type="checkbox" data-testid="freq-var" checked={s.freqVars.includes(v.name)} onChange={(e) => toggle(v.name, e.target.checked)} />
                  <span className="report-code-name">{v.name}</span>
                  <span className="muted"> ({v.levels.length})</span>
                </label>
              </li>
            ))}
          </ul>
          <label className="report-check">
            <input type="checkbox" checked={s.ranked} onChange={(e) => s.set({ ranked: e.target.checked })} /> {t('reports.freq.ranked')}
          </label>
          <label className="report-field">
            <span>{t('reports.freq.rounding')}</span>
            <select value={s.rounding} onChange={(e) => s.set({ rounding: e.target.value === 'largest-remainder' ? 'largest-remainder' : 'nearest' })}>
              <option value="nearest">{t('reports.freq.nearest')}</option>
              <option value="largest-remainder">{t('reports.freq.largest')}</option>
            </select>
          </label>
          <div className="report-actions">
            <button type="button" disabled={!s.freq} onClick={() => void s.exportFreq('docx', lang)}>{t('reports.exportDocx')}</button>
            <button type="button" disabled={!s.freq} onClick={() => void s.exportFreq('xlsx', lang)}>{t('reports.exportXlsx')}</button>
            <span className="report-actions-row">
              <button type="button" disabled={!s.freq} onClick={() => void s.exportFreq('csv', lang)}>{t('reports.exportCsv')}</button>
              <button type="button" disabled={!s.freq} onClick={() => void s.exportFreq('md', lang)}>{t('reports.exportMd')}</button>
            </span>
            {s.notice && <p className="report-notice" role="status">{t('reports.exported', { name: s.notice })}</p>}
          </div>
        </div>
      </aside>
      <section className="panel report-main" aria-label={t('reports.freqTab')}>
        {s.error && <p className="report-error" role="alert">{s.error}</p>}
        {!s.freq && !s.open && <p className="report-empty">{t('reports.freq.choose')}</p>}
        {s.freq && (
          <div className="report-body">
            <p className="muted">{t('reports.freq.respondents', { n: formatInteger(s.freq.respondents, lang) })}</p>
            <div className="freq-tables">
              {s.freq.tables.map((tb) => (
                <FreqTable key={tb.variable} table={tb} lang={lang} />
              ))}
            </div>
            {s.freq.ranked && (
              <>
                <h3>{t('reports.freq.rankedTotal')}</h3>
                <table className="report-table freq-table">
                  <thead>
                    <tr>
                      <th scope="col" />
                      {s.freq.ranked.variables.map((_, i) => (
                        <th key={i} scope="col" className="num">{t('reports.freq.choice', { n: i + 1 })}</th>
                      ))}
                      <th scope="col" className="num">{t('reports.freq.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.freq.ranked.rows.map((r) => (
                      <tr key={r.label}>
                        <th scope="row">{r.label}</th>
                        {r.counts.map((c, i) => (
                          <td key={i} className="num">{formatInteger(c, lang)}</td>
                        ))}
                        <td className="num strong">{formatInteger(r.total, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>{s.freq.ranked.sentence}</p>
              </>
            )}
            {s.freq.notes.map((n, i) => (
              <p key={i} className="report-note">{n}</p>
            ))}
          </div>
        )}
        {s.open && (
          <div className="report-body" data-testid="open-answers">
            <h3>{t('reports.freq.open')}</h3>
            <label className="report-field report-inline-field">
              <span>{t('reports.freq.openSplit')}</span>
              <select value={s.openGroup ?? ''} onChange={(e) => s.set({ openGroup: e.target.value || null })}>
                <option value="">{t('reports.none')}</option>
                {surveyVars.map((v) => (
                  <option key={v.name} value={v.name}>{v.name}</option>
                ))}
              </select>
            </label>
            <table className="report-table freq-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.freq.category')}</th>
                  <th scope="col" className="num">{t('reports.freq.mentions')}</th>
                  {s.open.groups.map((g) => (
                    <th key={g} scope="col" className="num">{g}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.open.rows.map((r) => (
                  <tr key={r.codeId}>
                    <th scope="row" title={r.path}>{r.name}</th>
                    <td className="num strong">{formatInteger(r.total, lang)}</td>
                    {s.open!.groups.map((g) => (
                      <td key={g} className="num">{formatInteger(r.groups[g] ?? 0, lang)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="open-lines">
              {s.open.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}

function FreqTable({ table, lang }: { table: FrequencyTable; lang: Lang }) {
  const { t } = useTranslation();
  const orders = useReports((s) => s.orders);
  const set = useReports((s) => s.set);
  const labels = table.rows.map((r) => r.label);
  const move = (i: number, d: -1 | 1): void => {
    const next = [...labels];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    set({ orders: { ...orders, [table.variable]: next } });
  };
  return (
    <table className="report-table freq-table" data-testid="freq-table">
      <caption>{table.title}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="num">{t('reports.freq.count')}</th>
          <th scope="col" className="num">{t('reports.freq.percent')}</th>
          <th scope="col" className="order-col">
            {orders[table.variable] && (
              <button type="button" className="link-button" onClick={() => { const { [table.variable]: _, ...rest } = orders; set({ orders: rest }); }}>
                {t('reports.freq.resetOrder')}
              </button>
            )}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatInteger(r.count, lang)}</td>
            <td className="num">{formatPercentNumber(r.percent, lang)}</td>
            <td className="order-col">
              <button type="button" className="icon-button" aria-label={t('reports.freq.up', { label: r.label })} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
              <button type="button" className="icon-button" aria-label={t('reports.freq.down', { label: r.label })} disabled={i === table.rows.length - 1} onClick={() => move(i, 1)}>↓</button>
            </td>
          </tr>
        ))}
        {table.noAnswer && (
          <tr className="muted-row">
            <th scope="row">{t('reports.freq.noAnswer')}</th>
            <td className="num">{formatInteger(table.noAnswer.count, lang)}</td>
            <td className="num">{formatPercentNumber(table.noAnswer.percent, lang)}</td>
            <td />
          </tr>
        )}
        <tr className="total-row">
          <th scope="row">{t('reports.freq.total')}</th>
          <td className="num">{formatInteger(table.total.count, lang)}</td>
          <td className="num">{formatPercentNumber(table.total.percent, lang)}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}

const view: ViewDef = { id: 'frequencies', titleKey: 'reports.freqTab', order: 61, shortcutKey: '0', component: FrequenciesView };
export default view;
