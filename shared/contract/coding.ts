/**
 * The coding workspace: the code tree, quotations (create, resize, code, comment), the
 * quotation manager's query and export, codebooks and coders. Every write here is one
 * undoable step (see history.ts) unless its summary says otherwise.
 */
import { z } from 'zod';
import { ExportPrivacy } from './privacy';
import { method } from './define';
import { CodePath, ServerPath } from './paths';
import { Code, Id, Quotation } from './entities';

/** A code as the tree shows it: the shared Code plus its inclusion/exclusion notes. */
export const CodeNode = Code.extend({
  inclusion: z.string().nullable(),
  exclusion: z.string().nullable(),
});
export type CodeNode = z.infer<typeof CodeNode>;

const CodeName = z.string().trim().min(1).max(300);
/** A code path as the CLI and codebook files write it: names joined by "/". */
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');
const Note = z.string().max(20_000).nullable();
const Offset = z.number().int().min(0);

/** How a new or resized quotation's ends are adjusted: to whole words (default) or kept as given. */
export const Snap = z.enum(['word', 'none']);

/** The quotation manager's filter; shared by quotations.query and quotations.export. */
export const QuotationQuery = z
  .object({
    /** Quotations linked to these codes (empty/absent: any quotation, coded or not). */
    codeIds: z.array(Id).max(10_000).optional(),
    /** 'or': linked to any of codeIds; 'and': linked to every one of them. */
    codeMode: z.enum(['and', 'or']).default('or'),
    /** A code stands for itself and all codes below it. */
    includeSubcodes: z.boolean().default(true),
    documentIds: z.array(Id).max(100_000).optional(),
    /** Documents in any of these document groups. */
    groupIds: z.array(Id).max(10_000).optional(),
    /** Speaker labels or names ("CS", "Intervjuare"), matched in every document. */
    speakers: z.array(z.string()).max(10_000).optional(),
    /** Document attribute name → allowed values (a document must match every attribute named). */
    where: z.record(z.string(), z.array(z.string())).optional(),
    /** Speaker attribute name → allowed values (the quotation's speaker must match). */
    speakerWhere: z.record(z.string(), z.array(z.string())).optional(),
    /** Case-insensitive substring of the quotation text or comment. */
    text: z.string().max(1000).optional(),
    /**
     * Quotations behind a co-occurrence cell: those carrying one of the two codes (directly, as
     * the co-occurrence table counts) that overlap a quotation of the other (`overlap`), share a
     * speaker turn with one (`turn`) or a document (`document`). The same code twice: its quotations.
     */
    cooccur: z.object({ codeIds: z.tuple([Id, Id]), by: z.enum(['overlap', 'turn', 'document']).default('overlap') }).strict().optional(),
    /** Only quotations pinned as typical quotes (of the codes in codeIds when given, else of any code). */
    typical: z.boolean().optional(),
  })
  .strict();
export type QuotationQuery = z.input<typeof QuotationQuery>;

/** One row of the quotation manager. */
export const QuotationRow = Quotation.extend({
  documentKind: z.string(),
  /** The speaker of the turn the quotation starts in (label, or name when set); null outside turns. */
  speaker: z.string().nullable(),
  speakerId: Id.nullable(),
  /** Document attribute values. */
  attributes: z.record(z.string(), z.string()),
  /** The full path of each linked code ("A/B/C"), in codeIds order. */
  codePaths: z.array(z.string()),
});
export type QuotationRow = z.infer<typeof QuotationRow>;

export const CodebookInfo = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Number of codes in the book (all levels). */
  codes: z.number().int(),
});
export type CodebookInfo = z.infer<typeof CodebookInfo>;

export const CodebookFormat = z.enum(['csv', 'txt']);

export const Coder = z.object({ id: Id, name: z.string(), color: z.string().nullable(), current: z.boolean() });
export type Coder = z.infer<typeof Coder>;

export const codingMethods = {
  'codes.tree': method({
    summary: 'The code tree, depth-first in sibling order, with counts and inclusion/exclusion notes.',
    params: z.object({}).strict(),
    result: z.array(CodeNode),
  }),
  'codes.byPath': method({
    summary: 'Find a code by its path: levels separated by "/" ("\\/" for a "/" inside a name).',
    params: z.object({ path: CodePath }).strict(),
    result: z.object({ id: Id }),
  }),
  'codes.create': method({
    summary: 'Create a code (at the end of its siblings unless position is given). Undoable.',
    params: z
      .object({
        name: CodeName,
        parentId: Id.nullable().optional(),
        definition: Note.optional(),
        inclusion: Note.optional(),
        exclusion: Note.optional(),
        color: Color.optional(),
        position: z.number().int().min(0).optional(),
      })
      .strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'codes.update': method({
    summary: 'Rename a code or change its definition, inclusion/exclusion notes or colour (null clears a note). Undoable.',
    params: z
      .object({
        id: Id,
        name: CodeName.optional(),
        definition: Note.optional(),
        inclusion: Note.optional(),
        exclusion: Note.optional(),
        color: Color.optional(),
      })
      .strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'codes.move': method({
    summary: 'Move a code under another parent (null = top level) at a sibling position (0 = first). Undoable.',
    params: z.object({ id: Id, parentId: Id.nullable(), position: z.number().int().min(0) }).strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'codes.merge': method({
    summary:
      "Merge codes into a target: their quotations move to the target (no duplicate links), their sub-codes and memos move under it, and the source codes are deleted. Undoable.",
    params: z.object({ sourceIds: z.array(Id).min(1).max(1000), targetId: Id }).strict(),
    result: z.object({ targetId: Id, linksMoved: z.number().int(), deleted: z.number().int() }),
    mutates: true,
  }),
  'codes.split': method({
    summary:
      'Split a code: each part becomes a new sub-code of it (or a sibling) and the listed quotations move from the code to that part. Undoable.',
    params: z
      .object({
        id: Id,
        parts: z.array(z.object({ name: CodeName, quotationIds: z.array(Id) }).strict()).min(1).max(100),
        placement: z.enum(['children', 'siblings']).default('children'),
      })
      .strict(),
    result: z.object({ ids: z.array(Id) }),
    mutates: true,
  }),
  'codes.delete': method({
    summary: 'Delete a code and its sub-codes; quotations stay (only their links to these codes go). Undoable.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ codes: z.number().int(), links: z.number().int() }),
    mutates: true,
  }),

  'quotations.list': method({
    summary: 'Quotations, optionally of one document or one code (with its sub-codes).',
    params: z
      .object({
        documentId: Id.optional(),
        codeId: Id.optional(),
        includeSubcodes: z.boolean().default(true),
        limit: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict(),
    result: z.array(Quotation),
  }),
  'quotations.get': method({
    summary: 'One quotation.',
    params: z.object({ id: Id }).strict(),
    result: Quotation,
  }),
  'quotations.create': method({
    summary:
      "Create a quotation (UTF-16 offsets into the document's text), snapped to whole words unless snap is 'none', optionally with codes (by id or path) and a comment. Undoable.",
    params: z
      .object({
        documentId: Id,
        start: Offset,
        end: Offset,
        codeIds: z.array(Id).max(1000).optional(),
        /** Codes by path, applied with codeIds; with createCodes the missing ones are made in the same undoable step. */
        codePaths: z.array(CodePath).max(1000).optional(),
        createCodes: z.boolean().default(false),
        comment: z.string().max(20_000).nullable().optional(),
        snap: Snap.default('word'),
      })
      .strict(),
    result: Quotation,
    mutates: true,
  }),
  'quotations.update': method({
    summary: "Resize a quotation (snapped to whole words unless snap is 'none'), change its comment (null clears it) or mark it reviewed. Undoable.",
    params: z
      .object({
        id: Id,
        start: Offset.optional(),
        end: Offset.optional(),
        comment: z.string().max(20_000).nullable().optional(),
        snap: Snap.default('word'),
        /** Clears the review flag a text correction set (resizing clears it too). */
        reviewed: z.literal(true).optional(),
      })
      .strict(),
    result: Quotation,
    mutates: true,
  }),
  'quotations.delete': method({
    summary: 'Delete a quotation with its code links and memos. Undoable.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
    mutates: true,
  }),
  'quotations.addCodes': method({
    summary: 'Apply codes to a quotation (codes it already has are left as they are). Undoable.',
    params: z.object({ quotationId: Id, codeIds: z.array(Id).min(1).max(1000) }).strict(),
    result: Quotation,
    mutates: true,
  }),
  'quotations.removeCode': method({
    summary: 'Remove one code from a quotation (the quotation stays, even with no codes left). Undoable.',
    params: z.object({ quotationId: Id, codeId: Id }).strict(),
    result: Quotation,
    mutates: true,
  }),
  'quotations.codeTurn': method({
    summary:
      "Code a whole speaker turn: a quotation spanning the turn's text (surrounding whitespace left out), reusing a quotation with exactly that span. Undoable.",
    params: z.object({ turnId: Id, codeIds: z.array(Id).min(1).max(1000) }).strict(),
    result: Quotation,
    mutates: true,
  }),
  'quotations.typical': method({
    summary: 'The quotations pinned as typical quotes of a code (printed as its examples in theme tables), in order.',
    params: z.object({ codeId: Id }).strict(),
    result: z.array(Id),
  }),
  'quotations.setTypical': method({
    summary: 'Pins quotations as typical quotes of a code, in the order given ([] removes the pins). Each must carry the code or a sub-code. Undoable.',
    params: z.object({ codeId: Id, quotationIds: z.array(Id).max(100) }).strict(),
    result: z.array(Id),
    mutates: true,
  }),
  'quotations.query': method({
    summary:
      'The quotation manager: quotations filtered by codes (AND/OR, with or without sub-codes), documents, document groups, speakers and attribute values, with document, speaker, attributes and code paths.',
    params: QuotationQuery.extend({
      limit: z.number().int().positive().max(1_000_000).optional(),
      offset: z.number().int().min(0).default(0),
      /** false: stop once the page is full, without counting the rest (total is then null); a list shows its first page so, and asks for the total after. */
      countTotal: z.boolean().default(true),
    }),
    /** more: rows follow the page. */
    result: z.object({ total: z.number().int().nullable(), more: z.boolean(), rows: z.array(QuotationRow) }),
  }),
  'quotations.export': method({
    summary:
      'Export the quotations a query selects as CSV or XLSX: document, attributes, speaker, code path (one column per level), text, comment, coder, created. Writes path when given, else returns the file as base64.',
    params: QuotationQuery.extend({
      format: z.enum(['csv', 'xlsx']),
      path: ServerPath.optional(),
      /** Default: on when the project has a pseudonym list (pseudonyms, then the leak check). */
      pseudonymise: z.boolean().optional(),
      /** Column headers' language; Swedish CSV uses ';' between fields (Excel in Swedish expects it). */
      language: z.enum(['sv', 'en']).default('sv'),
    }),
    result: z.object({
      rows: z.number().int(),
      path: z.string().nullable(),
      fileName: z.string(),
      mimeType: z.string(),
      /** The file's bytes in base64 when no path was given. */
      base64: z.string().nullable(),
      privacy: ExportPrivacy.optional(),
    }),
  }),

  'codebooks.list': method({
    summary: 'The codebooks that ship with Rödtråd, described in the language asked for (default Swedish).',
    params: z.object({ language: z.enum(['sv', 'en']).optional() }).strict(),
    result: z.array(CodebookInfo),
  }),
  'codebooks.load': method({
    summary:
      'Load a codebook into the code tree (codes that already exist at the same place are kept): a bundled one by id (its definitions in Swedish, or in English with language "en"), a CSV or indented-text file by path, or its content. Undoable.',
    params: z.union([
      z.object({ id: z.string().min(1).max(100), language: z.enum(['sv', 'en']).optional() }).strict(),
      z.object({ path: ServerPath }).strict(),
      z.object({ content: z.string().max(10_000_000), format: CodebookFormat, name: z.string().max(300).default('codebook') }).strict(),
    ]),
    result: z.object({ created: z.number().int(), codes: z.number().int() }),
    mutates: true,
  }),
  'codebooks.export': method({
    summary:
      'Export the code tree as CSV (path, level columns, definition, inclusion, exclusion, colour) or indented text (two spaces per level, " | " before the definition). Writes path when given, else returns the content.',
    params: z.object({ format: CodebookFormat, path: ServerPath.optional() }).strict(),
    result: z.object({ codes: z.number().int(), path: z.string().nullable(), fileName: z.string(), content: z.string().nullable() }),
  }),

  'coders.list': method({
    summary: 'Everyone who has coded in the project; current marks the coder new work is recorded under.',
    params: z.object({}).strict(),
    result: z.array(Coder),
  }),
};
