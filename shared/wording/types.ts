/**
 * Every sentence the reports print, as one interface with one implementation per language
 * (sv.ts, en.ts), so a sentence form is written once per language and the UI, the DOCX, the
 * XLSX and the CLI all print the same words. Pure functions, no Node.
 */
import type { Lang } from '../format/numbers';

export type DocumentKindName = 'interview' | 'fieldnote' | 'survey' | 'memo' | 'other';

/** k of n for one code in one term; `split` is "chef: 3 av 5, medarbetare: 2 av 5" or ''. */
export interface RaisedFacts {
  name: string;
  k: number;
  n: number;
  percent: number | null;
  split: string;
}

/** One place of a ranking: the codes sharing it (more than one = a tie), their k and the term's n. */
export interface RankPlace {
  rank: number;
  names: string[];
  k: number;
  n: number;
}

export interface ProvenanceFacts {
  project: string;
  filter: string;
  /** Code paths the export covers; [] = every code, null = the export does not count codes. */
  codes: string[] | null;
  countingRule: string;
  /** ISO time from Project.now(). */
  madeAt: string;
  version: string;
  /** The export is pseudonymised with this many names (0: none in the list) and was checked for leaks; null: not checked. */
  privacy?: { names: number } | null;
}

export interface Wording {
  lang: Lang;
  /**
   * How a REFI-QDA writer counted a source's positions (`codepoints`, `utf16`, `codepoints-lf`,
   * `utf16-lf`), and the documents read that way: "Positioner räknade som tecken, radslut LF
   * (CRLF som ett tecken): 125 dokument."
   */
  refiPositions(unit: string, documents: readonly string[]): string;
  /** A text's length in a REFI-QDA position unit: "15 tecken räknade som kodpunkter". */
  refiLength(n: number, unit: string): string;
  /** A small count as a word in running text ("tre"), larger ones as figures. */
  count(n: number): string;
  kind(kind: DocumentKindName): string;
  /** "typ: intervju eller fältanteckning; grupp: …" */
  filter(parts: { kinds?: readonly DocumentKindName[]; groups?: readonly string[]; where?: Record<string, readonly string[]>; documents?: number }): string;
  /** "Administrativt stöd togs upp i båda intervjuerna." */
  raised(f: RaisedFacts): string;
  trend(name: string, from: { term: string; percent: number }, to: { term: string; percent: number }, change: number): string;
  /** The rank as printed in a ranking table: "2" or "2 (delad)". */
  rankCell(rank: number, tied: boolean): string;
  /** "Under HT16 togs X upp oftast (…), följt av Y och Z, som delar andra platsen (…)." */
  ranking(term: string, places: readonly RankPlace[]): string;
  /** "Togs inte upp under HT16: A, B." */
  notRaised(term: string, names: readonly string[]): string;
  /** The frequency report's ranked-choice sentence ("A är det svar som nämnts flest gånger …"). */
  mostMentioned(rows: readonly { label: string; total: number }[]): string;
  termNotes(facts: { term: string; includeSubcodes: boolean; withoutTerm: number; filter: string }): string[];
  /** The counting rule of a term report, for its provenance page. */
  termCountingRule(includeSubcodes: boolean): string;
  themeCountingRule(counts: 'none' | 'quotes' | 'docs' | 'k-of-n'): string;
  matrixCountingRule(cells: 'count' | 'presence' | 'k-of-n' | 'row-percent' | 'col-percent'): string;
  cooccurrenceCountingRule(by: 'overlap' | 'turn' | 'document'): string;
  /** The legend under a code map: what a node's size and an edge's width mean. */
  codeMapLegend(by: 'overlap' | 'turn' | 'document', minWeight: number): string;
  frequencyCountingRule(): string;
  quotationCountingRule(): string;
  /** A date and time as the language writes it: "5 december 2026 kl. 08.38". */
  dateTime(iso: string): string;
  /** Label/value rows of the provenance page or sheet. */
  provenance(f: ProvenanceFacts): { title: string; rows: [string, string][] };
  allDocuments: string;
  /** The provenance page's line on pseudonyms and the leak check. */
  privacyChecked(names: number): string;
}
