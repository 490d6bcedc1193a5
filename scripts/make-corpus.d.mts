/** Types of scripts/make-corpus.mjs (plain JS so it runs without a build). */
export interface CorpusOptions {
  interviews?: number;
  words?: number;
  seed?: number;
}
export interface CorpusResult {
  dir: string;
  files: number;
  words: number;
  bytes: number;
}
export declare const DEFAULTS: Readonly<Required<CorpusOptions>>;
export declare const TERMS: readonly string[];
export declare const DISTRICTS: readonly string[];
export declare function makeCorpus(outDir: string, options?: CorpusOptions): CorpusResult;
