/** The trend chart of a term report: one series per code, percent of the term's interviews, for all interviews or one group. Used by the exports and the UI alike. */
import type { TermReport } from '../contract/reports';
import { renderChartSvg } from './svg-chart';

/** `group` null = all interviews. */
export function termChartSvg(report: TermReport, group: string | null, kind: 'line' | 'bar' = 'line', width = 720): string {
  return renderChartSvg({
    kind,
    categories: report.terms,
    series: report.rows.map((r) => ({
      name: r.name,
      color: r.color,
      values: r.terms.map((c) => (group === null ? c.percent : (c.groups[group]?.percent ?? null))),
    })),
    unit: '%',
    lang: report.language,
    width,
  });
}
