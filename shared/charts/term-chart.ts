/**
 * The trend chart of a term report: percent of the term's interviews per code, for all
 * interviews or one group. Used by the exports and the UI alike. With many codes one chart is
 * a tangle, so the layout is chosen: small multiples (one small chart per code, shared axes),
 * the top five codes on one chart with the rest named below it, or all on one chart; 'auto'
 * takes one chart up to six codes and small multiples above.
 */
import type { TermReport } from '../contract/reports';
import { renderSmallMultiplesSvg } from './small-multiples';
import { renderChartSvg, type ChartSeries } from './svg-chart';

export type ChartLayout = 'auto' | 'overlay' | 'small-multiples' | 'top5';

/** Up to this many codes share one chart under 'auto'. */
export const OVERLAY_MAX = 6;
const TOP = 5;

export interface TermChartPlan {
  layout: 'overlay' | 'small-multiples';
  series: ChartSeries[];
  /** Codes left out of a top-five chart (named under it). */
  rest: string[];
}

export function termChartPlan(report: TermReport, group: string | null, layout: ChartLayout = 'auto'): TermChartPlan {
  const all = report.rows.map((r) => ({
    total: group === null ? r.total.k : (r.groupTotals[group]?.k ?? 0),
    series: { name: r.name, color: r.color, values: r.terms.map((c) => (group === null ? c.percent : (c.groups[group]?.percent ?? null))) },
  }));
  if (layout === 'top5' && all.length > TOP) {
    // Most often raised over the whole report first; ties keep the report's order.
    const order = all.map((x, i) => ({ ...x, i })).sort((a, b) => b.total - a.total || a.i - b.i);
    const top = new Set(order.slice(0, TOP).map((x) => x.i));
    return { layout: 'overlay', series: all.filter((_, i) => top.has(i)).map((x) => x.series), rest: all.filter((_, i) => !top.has(i)).map((x) => x.series.name) };
  }
  const many = layout === 'small-multiples' || (layout === 'auto' && all.length > OVERLAY_MAX);
  return { layout: many ? 'small-multiples' : 'overlay', series: all.map((x) => x.series), rest: [] };
}

/** `group` null = all interviews. */
export function termChartSvg(report: TermReport, group: string | null, kind: 'line' | 'bar' = 'line', width = 720, layout: ChartLayout = 'auto'): string {
  const plan = termChartPlan(report, group, layout);
  const spec = { kind, categories: report.terms, series: plan.series, unit: '%' as const, lang: report.language, width };
  return plan.layout === 'small-multiples' ? renderSmallMultiplesSvg(spec) : renderChartSvg(spec);
}
