/**
 * The bundled sample project (sample-corpus/): built on first start so `npm start` opens a
 * project with group interviews, field notes, attributes and the Table 1 codebook.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { normalizeText } from '../../../shared/text/normalize';
import { readBundledCodebook, loadCodebookTree } from '../codebooks/bundled';
import { setDocumentAttribute } from '../attributes/store';
import { findDocumentByName, insertDocument } from '../documents/store';
import { parseTranscript } from '../import/transcript';
import { sampleCorpusDir } from '../paths';
import { Project } from '../project/project';
import { createHash } from 'node:crypto';

export function buildSampleProject(file: string, corpusDir = sampleCorpusDir()): Project {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const p = Project.create(file, { name: 'Exempelprojekt' });
  try {
    p.transaction(() => {
      const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort((a, b) => a.localeCompare(b, 'sv'));
      for (const f of files) {
        const bytes = readFileSync(path.join(corpusDir, f));
        const text = normalizeText(bytes.toString('utf8').replace(/^\uFEFF/, ''));
        const fieldnote = /^f[aä]ltanteckning/i.test(f);
        const parsed = fieldnote ? { turns: [], speakers: [] } : parseTranscript(text);
        insertDocument(p, {
          name: f.replace(/\.txt$/, ''),
          kind: fieldnote ? 'fieldnote' : 'interview',
          text,
          sourceName: f,
          sourceType: 'txt',
          encoding: 'utf-8',
          sha256: createHash('sha256').update(bytes).digest('hex'),
          language: 'sv',
          turns: parsed.turns,
          speakers: parsed.speakers,
        });
      }
      const sheet = path.join(corpusDir, 'attribut.csv');
      if (existsSync(sheet)) {
        const rows = Papa.parse<string[]>(readFileSync(sheet, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
        const [header, ...body] = rows;
        for (const row of body) {
          const doc = findDocumentByName(p, row[0] ?? '');
          if (doc === undefined) continue;
          header!.slice(1).forEach((name, i) => {
            const value = row[i + 1]?.trim();
            if (value) setDocumentAttribute(p, doc, name.trim(), value);
          });
        }
      }
      loadCodebookTree(p, readBundledCodebook('ifo-table1').codes);
    });
    return p;
  } catch (e) {
    p.close();
    throw e;
  }
}

/** Returns the path of a usable sample project, building it if it is missing. */
export async function ensureSampleProject(file: string): Promise<string> {
  if (!existsSync(file)) buildSampleProject(file).close();
  return file;
}
