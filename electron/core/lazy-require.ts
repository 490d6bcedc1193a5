/**
 * A CommonJS library loaded the first time it is used, not when the module that needs it
 * is imported: a worker importing plain UTF-8 text need not load the CSV parser, the zip
 * reader and 150 code pages first.
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromHere(id) as T);
}
