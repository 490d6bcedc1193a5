/**
 * Theme tables (Table 1 style), code × document/attribute matrices and code co-occurrence:
 * the layouts the user saves, the tables the core computes, and their exports.
 */
import { z } from 'zod';
import { ExportPrivacy } from './privacy';
import { method } from './define';
import { CodePath, ServerPath } from './paths';
import { Id } from './entities';
import { DocumentFilter } from './filter';

export const TableLanguage = z.enum(['sv', 'en']);
export type TableLanguage = z.infer<typeof TableLanguage>;

/** One code shown in a theme table; `children` omitted = all its sub-codes in tree order, [] = none. */
export interface LayoutItem {
  /** Code path "A/B/C" ("\/" for a slash inside a name). */
  path: string;
  children?: LayoutItem[];
}
export const LayoutItem: z.ZodType<LayoutItem> = z.lazy(() =>
  z.object({ path: CodePath, children: z.array(LayoutItem).optional() }).strict(),
);

export const LayoutSection = z
  .object({
    /** A top-level code (or any code) shown as a full-width title row. */
    path: CodePath,
    /** Show the second level side by side as columns instead of bullets. */
    columns: z.boolean().default(false),
    /** Which codes below the section appear, in which order; omitted = all. */
    items: z.array(LayoutItem).optional(),
  })
  .strict();
export type LayoutSection = z.infer<typeof LayoutSection>;

export const CountMode = z.enum(['none', 'quotes', 'docs', 'k-of-n']);
export type CountMode = z.infer<typeof CountMode>;

export const ThemeTableOptions = z
  .object({
    counts: CountMode.default('none'),
    /** Example quotations per code (0 = none). */
    quotes: z.number().int().min(0).max(20).default(0),
    /** Longest example quotation in characters before it is shortened with "…". */
    quoteMaxChars: z.number().int().min(20).max(5000).default(300),
    /**
     * Source label after each example quotation: {document}, {kind}, {index} (document number),
     * {speaker} (label or name of the speaker whose turn the quotation starts in) and any
     * document or speaker attribute by name: "(Gruppintervju {nr}, {roll})".
     */
    sourceTemplate: z.string().default('({document})'),
    filter: DocumentFilter.default({}),
    landscape: z.boolean().default(false),
    language: TableLanguage.default('sv'),
  })
  .strict();
export type ThemeTableOptions = z.infer<typeof ThemeTableOptions>;

/** What is saved in the project's `layouts` table (kind 'theme-table'). */
export const ThemeTableLayout = z
  .object({
    caption: z.string().default(''),
    sections: z.array(LayoutSection),
    options: ThemeTableOptions.partial().optional(),
  })
  .strict();
export type ThemeTableLayout = z.infer<typeof ThemeTableLayout>;
export type ThemeTableLayoutInput = z.input<typeof ThemeTableLayout>;

export const LayoutInfo = z.object({
  name: z.string(),
  /** 'project' = saved in the project; 'bundled' = comes with a codebook whose codes the project has. */
  source: z.enum(['project', 'bundled', 'tree']),
  spec: ThemeTableLayout,
  modifiedAt: z.string().nullable(),
});
export type LayoutInfo = z.infer<typeof LayoutInfo>;

export const ExampleQuote = z.object({ quotationId: Id, text: z.string(), source: z.string() });
export type ExampleQuote = z.infer<typeof ExampleQuote>;

export const CodeCount = z.object({
  /** Distinct quotations of the code and its sub-codes, within the filter. */
  quotations: z.number().int(),
  /** Distinct documents with such a quotation. */
  documents: z.number().int(),
});

export interface ThemeBullet {
  codeId: number;
  label: string;
  count: z.infer<typeof CodeCount>;
  /** Count as printed after the label, e.g. "(12 av 26)"; '' when counts are off. */
  countText: string;
  quotes: ExampleQuote[];
  children: ThemeBullet[];
}
export const ThemeBullet: z.ZodType<ThemeBullet> = z.lazy(() =>
  z.object({
    codeId: Id,
    label: z.string(),
    count: CodeCount,
    countText: z.string(),
    quotes: z.array(ExampleQuote),
    children: z.array(ThemeBullet),
  }),
);

export const ThemeColumn = z.object({
  title: z.string().nullable(),
  codeId: Id.nullable(),
  countText: z.string(),
  items: z.array(ThemeBullet),
});
export type ThemeColumn = z.infer<typeof ThemeColumn>;

export const ThemeSection = z.object({
  title: z.string(),
  codeId: Id,
  countText: z.string(),
  columns: z.array(ThemeColumn),
});
export type ThemeSection = z.infer<typeof ThemeSection>;

export const ThemeTable = z.object({
  caption: z.string(),
  /** Filter and base shown under the table, e.g. "26 dokument; typ: interview". */
  note: z.string(),
  documents: z.number().int(),
  options: ThemeTableOptions,
  sections: z.array(ThemeSection),
  /** Paths in the layout that no longer match a code (renamed or deleted). */
  missing: z.array(z.string()),
});
export type ThemeTable = z.infer<typeof ThemeTable>;

/**
 * Options a request changes: only the fields given. (`ThemeTableOptions.partial()` would fill
 * in every default and so override the layout's own options with them.)
 */
export const ThemeTableOptionsPatch = z
  .object({
    counts: CountMode.optional(),
    quotes: z.number().int().min(0).max(20).optional(),
    quoteMaxChars: z.number().int().min(20).max(5000).optional(),
    sourceTemplate: z.string().optional(),
    filter: DocumentFilter.optional(),
    landscape: z.boolean().optional(),
    language: TableLanguage.optional(),
  })
  .strict();

/** Which layout to use and how: a saved/bundled layout by name or a spec, with overrides. */
export const ThemeTableRequest = z
  .object({
    layout: z.string().optional(),
    spec: ThemeTableLayout.optional(),
    options: ThemeTableOptionsPatch.optional(),
  })
  .strict();
export type ThemeTableRequest = z.input<typeof ThemeTableRequest>;

export const ExportResult = z.object({
  /** The file written, when a path was given. */
  path: z.string().nullable(),
  /** The file's bytes as base64, when no path was given (browser download). */
  base64: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  privacy: ExportPrivacy.optional(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const MatrixCells = z.enum(['count', 'presence', 'k-of-n', 'row-percent', 'col-percent']);
export type MatrixCells = z.infer<typeof MatrixCells>;

export const MatrixRequest = z
  .object({
    /** 'docs' = one column per document; otherwise the name of a document attribute. */
    cols: z.string().min(1).default('docs'),
    cells: MatrixCells.default('count'),
    filter: DocumentFilter.default({}),
    /** Rows: these codes (default every code); parent rows include their sub-codes' quotations. */
    codeIds: z.array(Id).optional(),
    /** Deepest code level shown (0 = top level only). */
    maxDepth: z.number().int().min(0).optional(),
    language: TableLanguage.default('sv'),
  })
  .strict();
export type MatrixRequest = z.input<typeof MatrixRequest>;

export const MatrixRow = z.object({ codeId: Id, name: z.string(), path: z.string(), depth: z.number().int() });
export const MatrixColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** Documents in the column (within the filter). */
  documents: z.number().int(),
});
export const Matrix = z.object({
  cells: MatrixCells,
  cols: z.string(),
  rows: z.array(MatrixRow),
  columns: z.array(MatrixColumn),
  /** values[row][column]; percents rounded to one decimal. */
  values: z.array(z.array(z.number())),
  /** Row totals over all columns (quotations, or documents for presence / k-of-n). */
  totals: z.array(z.number()),
  /** Cells as printed in the chosen language ("22 av 30", "34,2"). */
  display: z.array(z.array(z.string())),
});
export type Matrix = z.infer<typeof Matrix>;

export const CooccurrenceBy = z.enum(['overlap', 'turn', 'document']);
export type CooccurrenceBy = z.infer<typeof CooccurrenceBy>;

export const CooccurrenceRequest = z
  .object({
    by: CooccurrenceBy.default('overlap'),
    filter: DocumentFilter.default({}),
    codeIds: z.array(Id).optional(),
    language: TableLanguage.default('sv'),
  })
  .strict();
export type CooccurrenceRequest = z.input<typeof CooccurrenceRequest>;

export const Cooccurrence = z.object({
  by: CooccurrenceBy,
  codes: z.array(MatrixRow),
  /**
   * counts[i][j]: overlap = pairs of overlapping quotations (a quotation with both codes counts once);
   * turn = speaker turns touched by quotations of both; document = documents with both.
   * The diagonal holds the code's own quotations, turns or documents.
   */
  counts: z.array(z.array(z.number().int())),
});
export type Cooccurrence = z.infer<typeof Cooccurrence>;

/** Where the export goes, and (default: on when the project has a pseudonym list) pseudonyms plus the leak check. */
const Out = z.object({ path: ServerPath.optional(), pseudonymise: z.boolean().optional() }).strict();

export const tableMethods = {
  'tables.layouts': method({
    summary: 'Theme-table layouts: saved in the project, bundled with a codebook, and the whole code tree.',
    params: z.object({}).strict(),
    result: z.array(LayoutInfo),
  }),
  'tables.saveLayout': method({
    summary: 'Saves (or replaces) a theme-table layout in the project under a name.',
    params: z.object({ name: z.string().trim().min(1).max(200), spec: ThemeTableLayout }).strict(),
    result: LayoutInfo,
    mutates: true,
  }),
  'tables.deleteLayout': method({
    summary: 'Deletes a saved theme-table layout.',
    params: z.object({ name: z.string().min(1) }).strict(),
    result: z.object({ deleted: z.boolean() }),
    mutates: true,
  }),
  'tables.themeTable': method({
    summary: 'Computes a theme table (sections, columns, bullets, counts, example quotations) from a layout.',
    params: ThemeTableRequest,
    result: ThemeTable,
  }),
  'tables.exportThemeTable': method({
    summary: 'Exports a theme table as DOCX, HTML or Markdown (to a path, or as base64 for a download).',
    params: ThemeTableRequest.extend({ format: z.enum(['docx', 'html', 'md']) }).merge(Out).strict(),
    result: ExportResult,
  }),
  'tables.clipboard': method({
    summary: 'A theme table as HTML and plain text, to put on the clipboard (pastes into Word as a table).',
    params: ThemeTableRequest,
    result: z.object({ html: z.string(), text: z.string() }),
  }),
  'tables.matrix': method({
    summary: 'Code × document or code × attribute-value matrix.',
    params: MatrixRequest,
    result: Matrix,
  }),
  'tables.exportMatrix': method({
    summary: 'Exports a code matrix as XLSX or CSV.',
    params: MatrixRequest.extend({ format: z.enum(['xlsx', 'csv']) }).merge(Out).strict(),
    result: ExportResult,
  }),
  'tables.cooccurrence': method({
    summary: 'Code × code co-occurrence by overlapping quotations, speaker turn or document.',
    params: CooccurrenceRequest,
    result: Cooccurrence,
  }),
  'tables.exportCooccurrence': method({
    summary: 'Exports a co-occurrence table as XLSX or CSV.',
    params: CooccurrenceRequest.extend({ format: z.enum(['xlsx', 'csv']) }).merge(Out).strict(),
    result: ExportResult,
  }),
};
