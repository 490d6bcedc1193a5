/**
 * The bundled sample project (sample-corpus/): built on first start so `npm start` opens a
 * project with group interviews, field notes, attributes and the Table 1 codebook. It goes
 * through the importer (plain text and CSV, read synchronously) like a user's files would.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundledCodebook, loadCodebookTree } from '../codebooks/bundled';
import { insertPackedDocument, uniqueDocumentName } from '../documents/store';
import { applyAttributeTable } from '../import/attribute-sheet';
import { readCsv } from '../import/formats/table';
import { DEFAULT_LIMITS } from '../import/formats/types';
import { documentDraft } from '../import/prepare';
import { readPlainText } from '../import/read';
import { sampleCorpusDir } from '../paths';
import { Project } from '../project/project';
import { codeSampleCorpus, saveSampleLayout } from './sample-coding';

/** The sample corpus as a project; with `coded`, as the app opens it on first start (coded by two fictional coders). */
export function buildSampleProject(file: string, corpusDir = sampleCorpusDir(), options: { coded?: boolean } = {}): Project {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const p = Project.create(file, { name: 'Exempelprojekt' });
  try {
    p.transaction(() => {
      const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort((a, b) => a.localeCompare(b, 'sv'));
      for (const f of files) {
        const bytes = readFileSync(path.join(corpusDir, f));
        const extract = readPlainText(bytes, 'txt', { file: f, limits: DEFAULT_LIMITS, cancelled: false });
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const draft = documentDraft(extract, f, { sha256 });
        insertPackedDocument(p, { ...draft, name: uniqueDocumentName(p, draft.baseName) });
      }
      const sheet = path.join(corpusDir, 'attribut.csv');
      if (existsSync(sheet)) applyAttributeTable(p, readCsv(readFileSync(sheet), { file: 'attribut.csv', limits: DEFAULT_LIMITS, cancelled: false }), 'attribut.csv');
      loadCodebookTree(p, readBundledCodebook('ifo-table1').codes);
      if (options.coded) {
        codeSampleCorpus(p);
        saveSampleLayout(p);
      }
    });
    return p;
  } catch (e) {
    p.close();
    throw e;
  }
}

/** Returns the path of a usable sample project, building it (coded, for the first start) if it is missing. */
export async function ensureSampleProject(file: string): Promise<string> {
  if (!existsSync(file)) buildSampleProject(file, undefined, { coded: true }).close();
  return file;
}
