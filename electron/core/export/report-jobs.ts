/**
 * Report exports as jobs: counting, rendering the charts and packing the file run in a worker
 * thread (its own connection), report progress per chart and can be cancelled between steps.
 * The bytes come back to the caller, which writes the file or returns base64.
 */
import type { z } from 'zod';
import type { FrequencyRequest, OpenAnswersRequest, TermReportRequest } from '../../../shared/contract/reports';
import type { JobPhase } from '../../../shared/contract';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { frequencies, openAnswers } from '../analysis/frequencies';
import { frequenciesCsv, frequenciesDocx, frequenciesMarkdown, frequenciesXlsx } from './frequencies-export';
import { termReport } from '../analysis/term-report';
import { termReportDocx, termReportXlsx } from './term-report-export';
import { wording } from '../../../shared/wording';
import type { ChartLayout } from '../../../shared/charts/term-chart';
import { provenanceOf } from './provenance';
import { describeRounding } from '../../../shared/format/numbers';

/** pseudonymise: the export's option, which its provenance page reports (the guard applies it to the bytes). */
export type TermExportParams = z.output<typeof TermReportRequest> & { format: 'docx' | 'xlsx'; chart: 'line' | 'bar'; chartLayout?: ChartLayout; pseudonymise?: boolean };
export type FreqExportParams = z.output<typeof FrequencyRequest> & { format: 'docx' | 'xlsx' | 'csv' | 'md'; open?: z.output<typeof OpenAnswersRequest>; pseudonymise?: boolean };

export async function exportTermJob(p: Project, params: TermExportParams, ctx: JobContext): Promise<Uint8Array> {
  const step = (phase: JobPhase, done: number, total: number): void => {
    ctx.throwIfCancelled();
    ctx.progress({ phase, done, total, unit: 'steps' });
  };
  step('counting', 0, 1);
  const report = termReport(p, params);
  const onChart = (done: number, total: number): void => step('charts', done, total);
  const w = wording(params.language);
  const prov = provenanceOf(p, {
    language: params.language,
    // The report counts interviews unless the filter names other kinds: the provenance says so.
    filter: { ...params.filter, kinds: params.filter.kinds?.length ? params.filter.kinds : ['interview'] },
    codes: report.rows.map((r) => r.path),
    countingRule: w.termCountingRule(params.includeSubcodes),
    pseudonymise: params.pseudonymise,
  });
  const bytes = params.format === 'docx' ? await termReportDocx(report, params.chart, onChart, prov, params.chartLayout) : await termReportXlsx(report, params.chart, onChart, prov, params.chartLayout);
  step('writing', 1, 1);
  return bytes;
}

export async function exportFrequenciesJob(p: Project, params: FreqExportParams, ctx: JobContext): Promise<Uint8Array> {
  ctx.progress({ phase: 'counting', done: 0, total: 1, unit: 'steps' });
  const report = frequencies(p, params);
  const open = params.open ? openAnswers(p, params.open) : undefined;
  ctx.throwIfCancelled();
  let bytes: Buffer;
  const prov = provenanceOf(p, {
    language: params.language,
    filter: { ...params.filter, kinds: params.filter.kinds?.length ? params.filter.kinds : ['survey'] },
    codes: open ? open.rows.map((r) => r.path) : null,
    countingRule: `${wording(params.language).frequencyCountingRule()} ${describeRounding(params.rounding, params.language)}`,
    pseudonymise: params.pseudonymise,
  });
  if (params.format === 'docx') bytes = await frequenciesDocx(report, open, prov);
  else if (params.format === 'xlsx') bytes = await frequenciesXlsx(report, open, prov);
  else if (params.format === 'csv') bytes = Buffer.from(frequenciesCsv(report, open), 'utf8');
  else bytes = Buffer.from(frequenciesMarkdown(report, open), 'utf8');
  ctx.progress({ phase: 'writing', done: 1, total: 1, unit: 'steps' });
  return bytes;
}
