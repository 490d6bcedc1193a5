/** Search (stemmed Swedish/English, phrases, field filters, KWIC), code-all-hits and word frequencies. */
import { z } from 'zod';
import { method } from './define';
import { ServerPath } from './paths';
import { ExportPrivacy } from './privacy';
import { Id } from './entities';
import { DocumentFilter } from './filter';

export const SearchLanguage = z.enum(['sv', 'en']);
export const Expansion = z.enum(['word', 'sentence', 'paragraph', 'turn']);

export const SearchHit = z.object({
  documentId: Id,
  documentName: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The passage (speaker turn or paragraph) the hit lies in. */
  passageStart: z.number().int(),
  passageEnd: z.number().int(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
  speaker: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  /** All hits; null when the search stopped at the page (countTotal false). */
  total: z.number().int().nullable(),
  /** Hits follow the page. */
  more: z.boolean(),
  passages: z.number().int(),
  hits: z.array(SearchHit),
  perDocument: z.array(z.object({ documentId: Id, documentName: z.string(), hits: z.number().int() })),
  perAttribute: z.array(z.object({ attribute: z.string(), value: z.string(), hits: z.number().int(), documents: z.number().int() })),
  ignored: z.array(z.string()),
  /** The written forms the query's words matched (lexicon forms and compounds included), with their hits. */
  forms: z.array(z.object({ form: z.string(), hits: z.number().int() })),
  ms: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const WordScope = z
  .object({
    filter: DocumentFilter.optional(),
    /** A code path ("A/B") or id: only its quotations (with sub-codes). */
    code: z.union([z.string().min(1), Id]).optional(),
    excludeInterviewer: z.boolean().optional(),
  })
  .strict();
export type WordScope = z.infer<typeof WordScope>;

/** All words read (stop words included), the words counted (stop words removed), documents read. */
const WordTotals = z.object({ words: z.number().int(), counted: z.number().int(), documents: z.number().int() });

export const WordFrequencies = WordTotals.extend({
  rows: z.array(
    z.object({
      stem: z.string(),
      /** The most frequent written form of the stem, to show. */
      word: z.string(),
      count: z.number().int(),
      documents: z.number().int(),
      /** Occurrences per 1,000 counted words. */
      perThousand: z.number(),
    }),
  ),
});
export const WordComparison = z.object({
  a: WordTotals,
  b: WordTotals,
  rows: z.array(
    z.object({
      stem: z.string(),
      word: z.string(),
      countA: z.number().int(),
      countB: z.number().int(),
      perThousandA: z.number(),
      perThousandB: z.number(),
      /** Log-likelihood G²; > 3.84 is p < 0.05, > 10.83 is p < 0.001 (one degree of freedom). */
      g2: z.number(),
      /** Which group uses the word relatively more. */
      more: z.enum(['A', 'B', '=']),
    }),
  ),
});

const WordOptions = {
  lang: SearchLanguage.optional(),
  /** Count speakers' names (labels and display names) as words; by default they are left out. */
  includeSpeakerNames: z.boolean().optional(),
  limit: z.number().int().positive().max(1_000_000).optional(),
  minCount: z.number().int().positive().optional(),
};

export const searchMethods = {
  'search.status': method({
    summary: 'State of the search index: ready, stale (content changed), missing or building.',
    params: z.object({}).strict(),
    result: z.object({
      state: z.enum(['ready', 'stale', 'missing', 'building']),
      version: z.number().int().nullable(),
      contentVersion: z.number().int(),
      bytes: z.number().int().nullable(),
    }),
  }),
  'search.buildIndex': method({
    summary: 'Bring the search index up to date (built in a worker thread; reused when nothing changed).',
    params: z.object({ force: z.boolean().default(false), jobId: z.string().max(100).optional() }).strict(),
    result: z.object({ version: z.number().int(), passages: z.number().int(), bytes: z.number().int(), buildMs: z.number().int(), loadMs: z.number().int(), origin: z.enum(['loaded', 'built']) }),
    job: true,
  }),
  'search.languages': method({
    summary: 'The language each document is searched in: as set on the document, else detected (Swedish or English).',
    params: z.object({}).strict(),
    result: z.array(z.object({ documentId: Id, name: z.string(), stored: SearchLanguage.nullable(), used: SearchLanguage })),
  }),
  'search.setLanguage': method({
    summary: 'Override the language a document is stemmed in (null: detect again); the index is rebuilt.',
    params: z.object({ documentId: Id, language: SearchLanguage.nullable() }).strict(),
    result: z.object({ documentId: Id, language: SearchLanguage.nullable() }),
    mutates: true,
  }),
  'search.query': method({
    summary: 'Search the documents (stemmed words, prefix*, fuzzy~1, "phrases", +/-, speaker:, kind:, attribute:value) with keyword-in-context hits.',
    params: z
      .object({
        query: z.string().min(1).max(2000),
        lang: SearchLanguage.optional(),
        sort: z.enum(['document', 'relevance']).default('document'),
        limit: z.number().int().positive().max(100_000).default(1000),
        offset: z.number().int().nonnegative().default(0),
        context: z.number().int().min(0).max(1000).default(60),
        /** Leave out the turns of speakers marked as interviewer (their questions repeat the topic). */
        excludeInterviewer: z.boolean().default(false),
        /** Swedish: a word finds compounds with it as first or last part ("samverkansmöte", "skolsamverkan"). */
        compounds: z.boolean().default(true),
        /** Swedish: a word finds every form of its lemmas in the Swedish lexicon ("samverkan" → "samverkar"). */
        lexicon: z.boolean().default(true),
        /** Written forms unticked by the user: never hits. */
        excludeForms: z.array(z.string().max(200)).max(10_000).default([]),
        /** false: stop once the page is found (total null, per-document and per-attribute counts empty); the counts are asked for after. */
        countTotal: z.boolean().default(true),
        jobId: z.string().max(100).optional(),
      })
      .strict(),
    result: SearchResult,
    job: true,
  }),
  'search.codeHits': method({
    summary:
      'Code search hits: one quotation per hit, widened to word, sentence, paragraph or speaker turn, with a code (id, path, or a unique name or path suffix; created from its path only with createCode); one undo step.',
    params: z
      .object({
        // Not strict: hits from search.query can be passed back as they are.
        hits: z.array(z.object({ documentId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() })).min(1).max(100_000),
        code: z.union([z.string().min(1).max(1000), Id]),
        /** Make the code from its path when no code matches (an explicit choice, never a fallback). */
        createCode: z.boolean().default(false),
        expand: Expansion.default('word'),
      })
      .strict(),
    result: z.object({
      codeId: Id,
      created: z.number().int(),
      linked: z.number().int(),
      quotationIds: z.array(Id),
      spans: z.array(z.object({ documentId: Id, start: z.number().int(), end: z.number().int() })),
    }),
    mutates: true,
  }),
  'words.frequencies': method({
    summary: 'Word frequencies by stem, stop words removed, for the project, a code\'s quotations or a group of documents.',
    params: z.object({ scope: WordScope.default({}), ...WordOptions }).strict(),
    result: WordFrequencies,
  }),
  'words.compare': method({
    summary: 'Compare the word frequencies of two groups (e.g. grupp=chef vs grupp=medarbetare) with log-likelihood G².',
    params: z.object({ a: WordScope, b: WordScope, ...WordOptions }).strict(),
    result: WordComparison,
  }),
  'words.export': method({
    summary: 'Export word frequencies (one scope) or a comparison (two scopes) as CSV or XLSX: written to path, or returned as base64.',
    params: z
      .object({
        format: z.enum(['csv', 'xlsx']),
        a: WordScope.default({}),
        b: WordScope.optional(),
        labelA: z.string().max(100).default('A'),
        labelB: z.string().max(100).default('B'),
        uiLanguage: SearchLanguage.default('sv'),
        path: ServerPath.optional(),
        /** Default: on when the project has a pseudonym list (pseudonyms, then the leak check). */
        pseudonymise: z.boolean().optional(),
        ...WordOptions,
      })
      .strict(),
    result: z.object({ fileName: z.string(), bytes: z.number().int(), rows: z.number().int(), path: z.string().nullable(), base64: z.string().nullable(), privacy: ExportPrivacy.optional() }),
  }),
};
