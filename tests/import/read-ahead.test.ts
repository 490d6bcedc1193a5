/**
 * The import's read-ahead (a reader thread and the job's thread preparing files from one
 * cursor) and its grouped commits: the same documents as preparing every file in the job's
 * thread, each file all or nothing, and a batch that survives its reader dying.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../electron/core/import/group-commit';
import { prewarmReader, readerScript, readerStats, startPrefetch } from '../../electron/core/import/prefetch';
import { DEFAULT_LIMITS } from '../../electron/core/import/formats/types';
import type { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';
import { jobContext, newProject, runImport } from './helpers';

const dir = tempDir('rodtrad-read-ahead');
const files: string[] = [];
const write = (name: string, data: string | Buffer): void => {
  const file = path.join(dir, 'in', name);
  writeFileSync(file, data);
  files.push(file);
};

// a batch with every path through the reader: UTF-8 as stored, text that needs normalising
// (CRLF, decomposed å), Windows-1252, a field note, a survey, a failure and a duplicate
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.join(dir, 'in'));
  for (let i = 1; i <= 9; i++) {
    const lines = Array.from({ length: 40 }, (_, n) => `${['I', 'CS', 'MK'][n % 3]}: Replik ${n} i intervju ${i}, där vi pratar om hur det går.`);
    write(`grupp-${i}.txt`, lines.join('\n\n'));
  }
  write('crlf.txt', 'I: Fråga?\r\n\r\nCS: Sva\u030arar.\r\n\r\nI: Tack.\r\n\r\nCS: Varsågod.');
  write('ansi.txt', iconv.encode('I: Vad kostar det?\n\nCS: 20 € – ungefär.\n\nI: ”Bra.”\n\nCS: Ja.', 'windows-1252'));
  write('faltanteckning-1.txt', 'Observation: personalen samlas kl 9.\nAlla är på plats.');
  write('enkat.csv', 'id;grupp;Vad fungerar bra?\n1;chef;Jag tycker att samverkan med skolan har blivit mycket bättre.\n2;medarbetare;Att vi har tid att prata med varandra om ärendena.\n');
  write('tom.txt', '   \n');
  write('kopia.txt', 'I: Hej.\n\nCS: Hej hej.\n\nI: Då börjar vi.\n\nCS: Ja.');
  write('kopia-igen.txt', 'I: Hej.\n\nCS: Hej hej.\n\nI: Då börjar vi.\n\nCS: Ja.');
}

function snapshot(p: Project) {
  return {
    documents: p.db
      .prepare('SELECT name, kind, typeof(text) AS type, text, chars, encoding, sha256, language, position FROM documents ORDER BY position')
      .all(),
    turns: p.db
      .prepare('SELECT d.name, t.start, t."end", t.timestamp, s.label, s.is_interviewer FROM turns t JOIN documents d ON d.id = t.document_id LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY d.position, t.start')
      .all(),
    attributes: p.db.prepare('SELECT d.name, a.name AS attribute, v.value FROM document_attribute_values v JOIN documents d ON d.id = v.document_id JOIN attributes a ON a.id = v.attribute_id ORDER BY 1, 2').all(),
    integrity: p.db.pragma('integrity_check', { simple: true }),
  };
}

describe('read-ahead', () => {
  const inThread = newProject(dir, 'in-thread.rodtrad');
  const threaded = newProject(dir, 'threaded.rodtrad');
  afterAll(() => {
    inThread.close();
    threaded.close();
  });

  it('is built (npm test builds dist/ first)', () => {
    expect(readerScript()).toBeDefined();
  });

  it('stores the same documents, turns and attributes with the reader thread as without it', async () => {
    const a = await runImport(inThread, { sources: [{ path: path.join(dir, 'in') }] }, jobContext(), { readerThread: false });
    const b = await runImport(threaded, { sources: [{ path: path.join(dir, 'in') }] }, jobContext(), { readerThread: true });
    expect(b.results.map((r) => [path.basename(r.file), r.status])).toEqual(a.results.map((r) => [path.basename(r.file), r.status]));
    expect(a.imported).toBe(14);
    expect(a.failed).toBe(1);
    expect(a.skipped).toBe(1);
    const sa = snapshot(inThread);
    expect(snapshot(threaded)).toEqual(sa);
    expect(sa.integrity).toBe('ok');
    // text written from the file's own bytes is still TEXT, and normalised text is NFC with \n
    expect(new Set(sa.documents.map((d) => (d as { type: string }).type))).toEqual(new Set(['text']));
    const crlf = sa.documents.find((d) => (d as { name: string }).name === 'crlf') as { text: string; chars: number };
    expect(crlf.text).toBe('I: Fråga?\n\nCS: Svårar.\n\nI: Tack.\n\nCS: Varsågod.');
    expect(crlf.chars).toBe(crlf.text.length);
    const ansi = sa.documents.find((d) => (d as { name: string }).name === 'ansi') as { text: string; encoding: string };
    expect([ansi.text.includes('20 € – ungefär'), ansi.encoding]).toEqual([true, 'windows-1252']);
  });

  it('hands files over in order and within the read-ahead window', async () => {
    const items = files.slice(0, 9).map((f) => ({ display: f, path: f, size: 1000, fromFolder: false }));
    const prefetch = startPrefetch(items, { encoding: null, limits: DEFAULT_LIMITS, detectSheets: true }, { cancelled: false });
    expect(prefetch.threaded).toBe(true);
    const names: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const f = await prefetch.next(i);
      if (f.type !== 'text') throw new Error(`unexpected ${f.type}`);
      names.push(f.draft.baseName);
    }
    await prefetch.close();
    expect(names).toEqual(Array.from({ length: 9 }, (_, i) => `grupp-${i + 1}`));
  });

  it('keeps its reader for the next batch, and a reader started ahead serves the first', async () => {
    const sources = files.slice(0, 9).map((f) => ({ path: f }));
    const p = newProject(dir, 'reuse.rodtrad');
    try {
      await runImport(p, { sources }, jobContext(), { readerThread: true });
      expect(readerStats().waiting).toBe(true);
      const before = readerStats().started;
      await runImport(p, { sources, duplicates: 'import' }, jobContext(), { readerThread: true });
      await runImport(p, { sources, duplicates: 'import' }, jobContext(), { readerThread: true });
      expect(readerStats()).toEqual({ started: before, waiting: true });
      prewarmReader();
      expect(readerStats().started).toBe(before);
      expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(27);
      expect(p.db.prepare("SELECT count(*) FROM documents WHERE name LIKE 'grupp-1 (%'").pluck().get()).toBe(2);
    } finally {
      p.close();
    }
  });

  it('goes on without a reader that dies, preparing the files itself', async () => {
    const dying = path.join(dir, 'dying-reader.mjs');
    // takes three files, then dies without delivering them
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', (batch) => {\n  Atomics.add(new Int32Array(batch.control), 1, 3);\n  process.exit(7);\n});\n");
    const p = newProject(dir, 'dying.rodtrad');
    try {
      const r = await runImport(p, { sources: files.slice(0, 9).map((f) => ({ path: f })) }, jobContext(), { readerScript: dying });
      expect(r.imported).toBe(9);
      expect(p.db.prepare('SELECT group_concat(name, \',\') FROM (SELECT name FROM documents ORDER BY position)').pluck().get()).toBe(
        Array.from({ length: 9 }, (_, i) => `grupp-${i + 1}`).join(','),
      );
    } finally {
      p.close();
    }
  });
});

describe('grouped commits', () => {
  it('keeps each file all or nothing, and other connections see the group only once it is committed', () => {
    const p = newProject(dir, 'group.rodtrad');
    const other = new Database(p.file, { readonly: true });
    try {
      const count = (db: Database.Database): number => db.prepare("SELECT count(*) FROM project_meta WHERE key LIKE 'test-%'").pluck().get() as number;
      const insert = p.db.prepare('INSERT INTO project_meta(key, value) VALUES (?, ?)');
      const group = new GroupCommit(p.db);
      const lost: string[] = [];
      group.write(10, () => insert.run('test-a', '1'), () => lost.push('a'));
      expect(() =>
        group.write(
          10,
          () => {
            insert.run('test-b', '1');
            throw new Error('the second file fails half-way');
          },
          () => lost.push('b'),
        ),
      ).toThrow(/half-way/);
      group.write(10, () => insert.run('test-c', '1'), () => lost.push('c'));
      expect(count(other)).toBe(0);
      group.commit();
      expect(count(other)).toBe(2);
      expect(p.db.prepare("SELECT group_concat(key) FROM project_meta WHERE key LIKE 'test-%'").pluck().get()).toBe('test-a,test-c');
      expect(lost).toEqual([]);

      // a commit that fails (here: a deferred foreign key left broken) takes the whole group back
      // and tells every file in it
      p.db.pragma('defer_foreign_keys = ON');
      group.write(10, () => insert.run('test-d', '1'), () => lost.push('d'));
      group.write(10, () => p.db.prepare("INSERT INTO speakers(guid, document_id, label) VALUES ('x', 999999, 'nobody')").run(), () => lost.push('e'));
      group.commit();
      expect(lost).toEqual(['d', 'e']);
      expect(p.db.inTransaction).toBe(false);
      expect(count(other)).toBe(2);
    } finally {
      other.close();
      p.close();
    }
  });
});
