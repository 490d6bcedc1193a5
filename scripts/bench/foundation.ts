/**
 * Foundation figures: creating a project, inserting 20,000 coded quotations through the core
 * against raw better-sqlite3 prepared statements in the same run, and opening a project of that size.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { codeTree, createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { projectInfo } from '../../electron/core/project/info';
import { mulberry32, round, tempDir, time } from './util';

const QUOTATIONS = 20_000;
const DOCUMENTS = 40;
const CODES = 60;

export async function foundationBench(): Promise<Record<string, unknown>> {
  const tmp = tempDir('foundation');
  try {
    const create = time(() => Project.create(path.join(tmp.dir, 'created.rodtrad')));
    create.value.close();

    // Two identical projects with documents and codes; quotations go in through the core in one and raw in the other.
    const setup = (name: string): { p: Project; docs: number[]; codes: number[] } => {
      const p = Project.create(path.join(tmp.dir, name));
      const words = 'samverkan sekretess arbetsbelastningen socialsekreterarna bollar ärendet klienten mötet chefen stödet'.split(' ');
      const rnd = mulberry32(7);
      const docs: number[] = [];
      const codes: number[] = [];
      p.transaction(() => {
        for (let d = 0; d < DOCUMENTS; d++) {
          const text = Array.from({ length: 9_000 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
          docs.push(insertDocument(p, { name: `Intervju ${d + 1}`, kind: 'interview', text }));
        }
        for (let c = 0; c < CODES; c++) codes.push(createCode(p, { name: `Kod ${c + 1}`, parentId: c >= 10 ? codes[c % 10]! : null }));
      });
      return { p, docs, codes };
    };
    const rows = (() => {
      const rnd = mulberry32(42);
      return Array.from({ length: QUOTATIONS }, () => {
        const start = Math.floor(rnd() * 60_000);
        return { doc: Math.floor(rnd() * DOCUMENTS), start, end: start + 20 + Math.floor(rnd() * 400), codes: [Math.floor(rnd() * CODES), Math.floor(rnd() * CODES)] };
      });
    })();

    const core = setup('core.rodtrad');
    const coreInsert = time(() =>
      core.p.transaction(() => {
        for (const r of rows) {
          createQuotation(core.p, { documentId: core.docs[r.doc]!, start: r.start, end: r.end, codeIds: [...new Set(r.codes.map((c) => core.codes[c]!))] });
        }
      }),
    );

    const raw = setup('raw.rodtrad');
    const rawFile = raw.p.file;
    const coder = raw.p.currentCoderId();
    raw.p.close();
    const db = new Database(rawFile);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const insQ = db.prepare('INSERT INTO quotations(guid, document_id, start, "end", comment, coder_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insL = db.prepare('INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)');
    const rawInsert = time(() =>
      db.transaction(() => {
        for (const r of rows) {
          const now = new Date().toISOString();
          const id = insQ.run(randomUUID(), raw.docs[r.doc]!, r.start, r.end, null, coder, now, now).lastInsertRowid;
          for (const c of new Set(r.codes.map((x) => raw.codes[x]!))) insL.run(id, c, coder, now);
        }
      })(),
    );
    db.close();

    const file = core.p.file;
    core.p.close();
    const open = time(() => Project.open(file));
    const info = time(() => projectInfo(open.value));
    const tree = time(() => codeTree(open.value));
    open.value.close();

    return {
      createProjectMs: round(create.ms),
      quotationInsert: {
        quotations: QUOTATIONS,
        coreMs: round(coreInsert.ms),
        rawSqliteMs: round(rawInsert.ms),
        corePerSecond: Math.round(QUOTATIONS / (coreInsert.ms / 1000)),
        rawPerSecond: Math.round(QUOTATIONS / (rawInsert.ms / 1000)),
        coreToRawSpeedRatio: round(rawInsert.ms / coreInsert.ms),
        target: '>= 0.5',
      },
      openProjectMs: round(open.ms),
      projectInfoMs: round(info.ms),
      codeTreeWithCountsMs: round(tree.ms),
    };
  } finally {
    tmp.cleanup();
  }
}
