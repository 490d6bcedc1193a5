/**
 * Term reports (följeforskning: "togs upp i 22 av de 30 intervjuerna" per term, group and
 * district, trend and ranking) and survey frequency tables (Antal/Procent with "Ej svar" and
 * "Totalt", ranked choices, coded open answers), with their DOCX/XLSX/CSV/Markdown exports.
 */
import { z } from 'zod';
import { ExportResult } from './tables';
import { method } from './define';
import { ServerPath } from './paths';
import { Id } from './entities';
import { DocumentFilter } from './filter';

export const ReportLanguage = z.enum(['sv', 'en']);

/** How the trend chart draws many codes: one chart ('overlay'), one small chart per code, the top five with the rest named, or 'auto' (one chart up to six codes). */
export const ChartLayout = z.enum(['auto', 'overlay', 'small-multiples', 'top5']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;

export const Rounding = z.enum(['nearest', 'largest-remainder']);

/** A code by id or by path "A/B/C" ("\/" for a slash inside a name). */
export const CodeRef = z.union([Id, z.string().trim().min(1)]);

/** k documents out of n, and k/n as a percentage with one decimal (null when n = 0). */
export const KofN = z.object({ k: z.number().int(), n: z.number().int(), percent: z.number().nullable() });
export type KofN = z.infer<typeof KofN>;

export const TermReportRequest = z
  .object({
    /** The attribute that orders the interview rounds (termin); its values in their kept level order. */
    term: z.string().trim().min(1),
    /** Split by this attribute too (grupp: chef / medarbetare). */
    group: z.string().trim().min(1).optional(),
    /** And optionally by this one (stadsdel). */
    district: z.string().trim().min(1).optional(),
    /** The codes reported, each counted with its sub-codes; default: the top-level codes. */
    codes: z.array(CodeRef).max(500).optional(),
    includeSubcodes: z.boolean().default(true),
    /** Only these terms, in this order; default every level of the term attribute that has documents. */
    terms: z.array(z.string()).optional(),
    /** Which documents count; kinds default to interviews only. */
    filter: DocumentFilter.default({}),
    language: ReportLanguage.default('sv'),
  })
  .strict();
export type TermReportRequest = z.input<typeof TermReportRequest>;

export const TermCell = KofN.extend({
  term: z.string(),
  groups: z.record(z.string(), KofN),
  districts: z.record(z.string(), KofN),
});

export const TermReportRow = z.object({
  codeId: Id,
  name: z.string(),
  path: z.string(),
  color: z.string(),
  /** Over all the report's terms together. */
  total: KofN,
  /** Over all the report's terms together, per group (the Totalt column of the per-group tables). */
  groupTotals: z.record(z.string(), KofN),
  terms: z.array(TermCell),
});
export type TermReportRow = z.infer<typeof TermReportRow>;

export const TermReport = z.object({
  language: ReportLanguage,
  title: z.string(),
  attributes: z.object({ term: z.string(), group: z.string().nullable(), district: z.string().nullable() }),
  terms: z.array(z.string()),
  groups: z.array(z.string()),
  districts: z.array(z.string()),
  /** Interviews held per term (the n of "k av n"), split by group and district. */
  held: z.array(z.object({ term: z.string(), n: z.number().int(), groups: z.record(z.string(), z.number().int()), districts: z.record(z.string(), z.number().int()) })),
  /** Documents the filter kept but that have no value of the term attribute (left out). */
  withoutTerm: z.number().int(),
  rows: z.array(TermReportRow),
  /**
   * Codes per term, most often raised first; equal k share a rank (1, 2, 2, 4) and are marked
   * tied. Codes not raised that term are not ranked: they are listed in notRaised. `text` says
   * the top places in words, ties worded as ties.
   */
  ranking: z.array(
    z.object({
      term: z.string(),
      entries: z.array(z.object({ codeId: Id, rank: z.number().int(), tied: z.boolean(), k: z.number().int(), percent: z.number().nullable() })),
      notRaised: z.array(Id),
      text: z.string(),
    }),
  ),
  /** One sentence per code and term, in the report's style. */
  sentences: z.array(z.object({ term: z.string(), codeId: Id, text: z.string() })),
  /** Per code the change from the first to the last term with interviews, in percentage points. */
  trends: z.array(z.object({ codeId: Id, from: z.string(), to: z.string(), change: z.number(), text: z.string() })),
  notes: z.array(z.string()),
});
export type TermReport = z.infer<typeof TermReport>;

export const FrequencyRequest = z
  .object({
    /** Document attributes holding closed answers (one table each). */
    variables: z.array(z.string().trim().min(1)).min(1).max(200),
    /** The variables are 1st, 2nd, 3rd … choice of one question: add the total over the choices. */
    ranked: z.boolean().default(false),
    /** Category order for every variable (values not listed follow in level order); default the attribute's level order. */
    order: z.array(z.string()).optional(),
    /** Category order per variable (overrides `order` for that variable). */
    orders: z.record(z.string(), z.array(z.string())).optional(),
    /** Per-variable titles ("Tabell 1. Antal enkätsvar fördelat över verksamhetsområden"); default the variable name. */
    titles: z.record(z.string(), z.string()).optional(),
    /** The "Ej svar" row: shown when someone has no answer ('auto'), always, or never. */
    noAnswer: z.enum(['auto', 'always', 'never']).default('auto'),
    rounding: Rounding.default('nearest'),
    /** Which documents are respondents; kinds default to surveys only. */
    filter: DocumentFilter.default({}),
    language: ReportLanguage.default('sv'),
  })
  .strict();
export type FrequencyRequest = z.input<typeof FrequencyRequest>;

const CountPercent = z.object({ count: z.number().int(), percent: z.number() });

export const FrequencyTable = z.object({
  variable: z.string(),
  title: z.string(),
  rows: z.array(CountPercent.extend({ label: z.string() })),
  noAnswer: CountPercent.nullable(),
  total: CountPercent,
});
export type FrequencyTable = z.infer<typeof FrequencyTable>;

export const RankedSummary = z.object({
  variables: z.array(z.string()),
  /** Categories by total mentions over the choices, most first. */
  rows: z.array(z.object({ label: z.string(), counts: z.array(z.number().int()), total: z.number().int(), rank: z.number().int() })),
  sentence: z.string(),
});

export const FrequencyReport = z.object({
  language: ReportLanguage,
  respondents: z.number().int(),
  rounding: Rounding,
  tables: z.array(FrequencyTable),
  ranked: RankedSummary.nullable(),
  notes: z.array(z.string()),
});
export type FrequencyReport = z.infer<typeof FrequencyReport>;

export const OpenAnswersRequest = z
  .object({
    /** Category codes applied to the answers; default the top-level codes used on survey documents. */
    codes: z.array(CodeRef).max(500).optional(),
    includeSubcodes: z.boolean().default(true),
    /** Split the counts by this document attribute (grupp: chef / medarbetare). */
    group: z.string().trim().min(1).optional(),
    /** Only answers to this question (the speaker label of its turn). */
    question: z.string().trim().min(1).optional(),
    filter: DocumentFilter.default({}),
    language: ReportLanguage.default('sv'),
  })
  .strict();
export type OpenAnswersRequest = z.input<typeof OpenAnswersRequest>;

export const OpenAnswers = z.object({
  language: ReportLanguage,
  question: z.string().nullable(),
  groups: z.array(z.string()),
  /** Answers (respondent × question turns) considered. */
  answers: z.number().int(),
  /** Categories, most mentioned first; a mention is one answer coded with the category. */
  rows: z.array(z.object({ codeId: Id, name: z.string(), path: z.string(), total: z.number().int(), groups: z.record(z.string(), z.number().int()) })),
  /** "Administrativt stöd (nämns 20 gånger)". */
  lines: z.array(z.string()),
});
export type OpenAnswers = z.infer<typeof OpenAnswers>;

/** The same shape as every other export (shared/contract/tables.ts). */
export const ReportExportResult = ExportResult;
export type ReportExportResult = z.infer<typeof ReportExportResult>;

export const ReportVariable = z.object({
  name: z.string(),
  levels: z.array(z.string()),
  /** Documents with a value, per document kind. */
  used: z.record(z.string(), z.number().int()),
});

const Out = z.object({ path: ServerPath.optional(), pseudonymise: z.boolean().optional() }).strict();

const Name = z.string().max(200);
/**
 * What the report views were last set to, kept in the project so the term report opens as
 * it was left. Every field is optional: settings saved by another version still load.
 */
export const ReportSettings = z.object({
  term: Name.nullable().optional(),
  group: Name.nullable().optional(),
  district: Name.nullable().optional(),
  /** Codes shown (null: all). */
  codes: z.array(Id).max(500).nullable().optional(),
  includeSubcodes: z.boolean().optional(),
  chart: z.enum(['line', 'bar']).optional(),
  chartLayout: z.enum(['auto', 'overlay', 'small-multiples', 'top5']).optional(),
  /** '' = all interviews, else a group value. */
  split: Name.optional(),
  freqVariables: z.array(Name).max(500).optional(),
  ranked: z.boolean().optional(),
  rounding: z.enum(['nearest', 'largest-remainder']).optional(),
  orders: z.record(Name, z.array(Name).max(1000)).optional(),
  openGroup: Name.nullable().optional(),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export const reportMethods = {
  'reports.settings': method({
    summary: 'The report settings saved in the project (null when none were saved).',
    params: z.object({}).strict(),
    result: ReportSettings.nullable(),
  }),
  'reports.saveSettings': method({
    summary: 'Saves the report settings in the project (the term report and survey tables open as they were left).',
    params: z.object({ settings: ReportSettings }).strict(),
    result: ReportSettings,
  }),
  'reports.variables': method({
    summary: 'Document attributes with their ordered levels and how many documents of each kind have a value.',
    params: z.object({}).strict(),
    result: z.array(ReportVariable),
  }),
  'reports.term': method({
    summary: 'Term report: per term (and group, district) in how many interviews each code was raised, of how many held; trend and ranking.',
    params: TermReportRequest,
    result: TermReport,
  }),
  'reports.exportTerm': method({
    summary: 'Exports a term report as DOCX (tables, charts, sentences) or XLSX (a sheet per table, charts).',
    params: TermReportRequest.extend({
      format: z.enum(['docx', 'xlsx']),
      chart: z.enum(['line', 'bar']).default('line'),
      chartLayout: ChartLayout.default('auto'),
      jobId: z.string().max(100).optional(),
    })
      .merge(Out)
      .strict(),
    result: ReportExportResult,
    job: true,
  }),
  'reports.frequencies': method({
    summary: 'Survey frequency tables (Antal, Procent, Ej svar, Totalt) and the total over ranked choices.',
    params: FrequencyRequest,
    result: FrequencyReport,
  }),
  'reports.openAnswers': method({
    summary: 'Open survey answers coded into categories: "nämns N gånger", split by group.',
    params: OpenAnswersRequest,
    result: OpenAnswers,
  }),
  'reports.exportFrequencies': method({
    summary: 'Exports survey frequency tables (and optionally coded open answers) as DOCX, XLSX, CSV or Markdown.',
    params: FrequencyRequest.extend({ format: z.enum(['docx', 'xlsx', 'csv', 'md']), open: OpenAnswersRequest.optional(), jobId: z.string().max(100).optional() }).merge(Out).strict(),
    result: ReportExportResult,
    job: true,
  }),
};
