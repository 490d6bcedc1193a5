import path from 'node:path';
import { guardedExport } from '../privacy/export-guard';
import type { Handlers } from '../api/types';
import { codeHits } from './code-hits';
import { documentLanguages, setDocumentLanguage } from './doc-language';
import { ensureIndex, indexStatus } from './index-store';
import { search } from './search';
import { compareWords, wordFrequencies } from './words';
import { wordTableCsv, wordTableXlsx, type WordTable } from '../export/words-export';

export const searchHandlers: Handlers<'search.status' | 'search.buildIndex' | 'search.languages' | 'search.setLanguage' | 'search.query' | 'search.codeHits' | 'words.frequencies' | 'words.compare' | 'words.export'> = {
  'search.status': ({ session }) => indexStatus(session.requireProject()),
  'search.buildIndex': async ({ session, signal, progress }, { force }) => {
    const index = await ensureIndex(session.requireProject(), { signal, onProgress: progress, force });
    return { version: index.version, passages: index.passages.count, bytes: index.bytes, buildMs: index.buildMs, loadMs: index.loadMs, origin: index.origin };
  },
  'search.languages': ({ session }) => documentLanguages(session.requireProject()),
  'search.setLanguage': ({ session }, { documentId, language }) => setDocumentLanguage(session.requireProject(), documentId, language),
  'search.query': ({ session, signal, progress }, params) => search(session.requireProject(), params, { signal, onProgress: progress }),
  'search.codeHits': ({ session }, { hits, code, createCode, expand }) =>
    codeHits(session.requireProject(), hits, typeof code === 'number' ? { codeId: code } : { path: code, create: createCode }, expand),
  'words.frequencies': ({ session }, { scope, ...options }) => wordFrequencies(session.requireProject(), scope, options),
  'words.compare': ({ session }, { a, b, ...options }) => compareWords(session.requireProject(), a, b, options),
  'words.export': async ({ session }, params) => {
    const p = session.requireProject();
    const options = { lang: params.lang, limit: params.limit, minCount: params.minCount, includeSpeakerNames: params.includeSpeakerNames };
    const table: WordTable = params.b
      ? { kind: 'compare', data: compareWords(p, params.a, params.b, options), labelA: params.labelA, labelB: params.labelB }
      : { kind: 'frequencies', data: wordFrequencies(p, params.a, options) };
    const bytes = params.format === 'csv' ? Buffer.from(wordTableCsv(table, params.uiLanguage), 'utf8') : await wordTableXlsx(table, params.uiLanguage);
    const rows = table.data.rows.length;
    const fileName = params.path ? path.basename(params.path) : `${params.uiLanguage === 'sv' ? 'ordfrekvenser' : 'word-frequencies'}.${params.format}`;
    // through a temporary file, so a failed write leaves no half file; pseudonyms and the leak check on the way
    const out = await guardedExport(p, bytes, params.format, params.path, params.pseudonymise);
    return { fileName, bytes: out.bytes.length, rows, path: out.path, base64: out.path ? null : out.bytes.toString('base64'), privacy: out.privacy };
  },
};
