/** A project with the Table 1 codebook, group interviews with speaker turns, and quotations made through the core. */
import path from 'node:path';
import { loadCodebookTree, readBundledCodebook } from '../../electron/core/codebooks/bundled';
import { setSpeakerAttribute } from '../../electron/core/attributes/store';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import type { NewTurn } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';

import { mulberry32 as rng } from '../helpers/random';

export { rng };

const WORDS = ['ärendet', 'mötet', 'kollegan', 'samordning', 'klienten', 'handläggaren', 'skolan', 'vården', 'tid', 'ansvar', 'telefon', 'kontakt', 'planering', 'uppföljning', 'förtroende', 'gränser', 'öppet', 'snabbt', 'tillsammans', 'väntan'];

export interface FixtureDoc {
  id: number;
  name: string;
  kind: 'interview' | 'fieldnote';
  termin: string;
  grupp: string;
  text: string;
}

export interface Fixture {
  p: Project;
  docs: FixtureDoc[];
  /** quotation id → { doc, start, end, codes } as created. */
  quotes: { id: number; documentId: number; start: number; end: number; codes: number[] }[];
  codeIds: number[];
}

export function buildFixture(dir: string, options: { documents?: number; quotations?: number; seed?: number } = {}): Fixture {
  const random = rng(options.seed ?? 7);
  const p = Project.create(path.join(dir, `fixture-${Math.floor(random() * 1e9)}.rodtrad`));
  const book = readBundledCodebook('ifo-table1');
  loadCodebookTree(p, book.codes);
  const codeIds = p.db.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
  const terms = ['HT16', 'VT17', 'HT17'];
  const docs: FixtureDoc[] = [];
  const quotes: Fixture['quotes'] = [];
  p.transaction(() => {
    const nDocs = options.documents ?? 8;
    for (let i = 0; i < nDocs; i++) {
      const kind = i % 4 === 3 ? 'fieldnote' : 'interview';
      const speakers = ['Intervjuare', 'AA', 'BB', 'CC'];
      const turns: NewTurn[] = [];
      let text = '';
      for (let t = 0; t < 30; t++) {
        const sp = kind === 'interview' ? speakers[t % speakers.length]! : null;
        const words = Array.from({ length: 8 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)]);
        const line = `${sp ? `${sp}: ` : ''}${words.join(' ')}.`;
        turns.push({ start: text.length, end: text.length + line.length, speaker: sp, timestamp: null });
        text += `${line}\n`;
      }
      const termin = terms[i % terms.length]!;
      const grupp = i % 2 === 0 ? 'chef' : 'medarbetare';
      const name = kind === 'interview' ? `Gruppintervju ${i + 1}` : `Fältanteckning ${i + 1}`;
      const id = insertDocument(p, {
        name,
        kind,
        text,
        turns: kind === 'interview' ? turns : [],
        speakers: kind === 'interview' ? speakers.map((s) => ({ label: s, isInterviewer: s === 'Intervjuare' })) : [],
        attributes: { termin, grupp, nr: String(i + 1) },
      });
      if (kind === 'interview') {
        const sids = p.db.prepare('SELECT id, label FROM speakers WHERE document_id = ?').all(id) as { id: number; label: string }[];
        for (const s of sids) setSpeakerAttribute(p, s.id, 'roll', s.label === 'Intervjuare' ? 'forskare' : s.label === 'AA' ? 'socialsekreterare' : 'enhetschef');
      }
      docs.push({ id, name, kind, termin, grupp, text });
    }
    const nQ = options.quotations ?? 120;
    for (let k = 0; k < nQ; k++) {
      const d = docs[Math.floor(random() * docs.length)]!;
      const start = Math.floor(random() * (d.text.length - 60));
      const end = start + 10 + Math.floor(random() * 50);
      const n = 1 + Math.floor(random() * 2);
      const codes = [...new Set(Array.from({ length: n }, () => codeIds[Math.floor(random() * codeIds.length)]!))];
      const id = createQuotation(p, { documentId: d.id, start, end, codeIds: codes });
      quotes.push({ id, documentId: d.id, start, end, codes });
    }
  });
  return { p, docs, quotes, codeIds };
}
