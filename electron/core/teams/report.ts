/** What a merge reports: where everything came from and every conflict with the rule applied. */

export type MergeEntity = 'coder' | 'document' | 'code' | 'quotation' | 'link' | 'memo' | 'attribute' | 'attribute value' | 'group' | 'speaker';

export interface MergeConflict {
  entity: MergeEntity;
  /** What it is about, for a reader: a code path, a document name, a quotation's place. */
  what: string;
  /** The GUID of the entity, when it has one. */
  guid: string | null;
  /** The inputs involved (as given), the one whose version was kept first. */
  sources: string[];
  detail: string;
  /** The rule that settled it. */
  rule: string;
}

export interface MergeSourceReport {
  file: string;
  projectGuid: string;
  coders: string[];
  /** Rows this input added to the result (those already there from an earlier input are not counted). */
  added: { coders: number; documents: number; codes: number; quotations: number; links: number; memos: number; attributes: number; groups: number };
  /** Rows of this input matched to rows already in the result, and how. */
  matched: { documentsByGuid: number; documentsBySha256: number; codesByGuid: number; codesByPath: number; quotationsByGuid: number; quotationsByRange: number };
}

export interface MergeReport {
  output: string;
  sources: MergeSourceReport[];
  conflicts: MergeConflict[];
  totals: { coders: number; documents: number; codes: number; quotations: number; links: number; memos: number };
}

/** The rules, worded once so the report, the docs and the tests agree. */
export const RULES = {
  firstKept: 'the version of the first input that has it is kept',
  ownQuotation: "the link is kept on a quotation of that coder's own with the same range",
  skipped: 'left out: its document text differs from the one kept, so its offsets would point elsewhere',
  detached: 'left out: what it is attached to was left out',
  matchedByPath: 'matched by path: the same code created independently in two copies',
  matchedBySha: 'matched by the sha256 of its source file: the same file imported independently',
} as const;
