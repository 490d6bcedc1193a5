/**
 * REFI-QDA exchange on the 144-interview project with 20,000 quotations, through the dispatch
 * the UI and CLI use (a job in a worker), each direction against a reference in the same run:
 * - export: the same rows read with plain SQL, the same XML written by plain string building,
 *   zipped with the same zip writer and settings;
 * - import: the same archive unzipped with the same zip reader and its project.qde parsed by
 *   the same XML parser without building anything.
 * Targets: each direction under 5 s and at least 0.5 of its reference; peak RSS under 800 MB
 * (the section's own process, worker included).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { readArchive } from '../../electron/core/refi/archive';
import { writeZip } from '../../electron/core/refi/zip-write';
import { copyBenchProject } from './corpus';
import { round, tempDir, timeAsync } from './util';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The reference export: one pass of plain string building over the same rows, zipped the same way. */
async function referenceExport(file: string): Promise<Buffer> {
  const db = new Database(file, { readonly: true });
  try {
    const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="ref">'];
    out.push('<CodeBook><Codes>');
    for (const c of db.prepare('SELECT guid, name, color, definition FROM codes').all() as { guid: string; name: string; color: string; definition: string | null }[]) {
      out.push(`<Code guid="${c.guid}" name="${esc(c.name)}" isCodable="true" color="${c.color}">${c.definition ? `<Description>${esc(c.definition)}</Description>` : ''}</Code>`);
    }
    out.push('</Codes></CodeBook><Sources>');
    const quotes = db.prepare('SELECT q.id, q.guid, q.start, q."end" AS "end", q.created_at FROM quotations q WHERE q.document_id = ?');
    const links = db.prepare('SELECT k.guid FROM quotation_codes qc JOIN codes k ON k.id = qc.code_id WHERE qc.quotation_id = ?').pluck();
    const files: { name: string; data: string }[] = [];
    for (const d of db.prepare('SELECT id, guid, name, text FROM documents').all() as { id: number; guid: string; name: string; text: string }[]) {
      files.push({ name: `sources/${d.guid}.txt`, data: d.text });
      out.push(`<TextSource guid="${d.guid}" name="${esc(d.name)}" plainTextPath="internal://${d.guid}.txt">`);
      for (const q of quotes.all(d.id) as { id: number; guid: string; start: number; end: number; created_at: string }[]) {
        out.push(`<PlainTextSelection guid="${q.guid}" startPosition="${q.start}" endPosition="${q.end}" creationDateTime="${q.created_at}">`);
        for (const g of links.all(q.id) as string[]) out.push(`<Coding guid="${q.guid}"><CodeRef targetGUID="${g}"/></Coding>`);
        out.push('</PlainTextSelection>');
      }
      out.push('</TextSource>\n');
    }
    out.push('</Sources></Project>\n');
    return writeZip([{ name: 'project.qde', data: out.join('') }, ...files], new Date());
  } finally {
    db.close();
  }
}

/** The reference import: the same unzip, and the same parser reading project.qde without building a tree. */
async function referenceImport(file: string): Promise<void> {
  const archive = await readArchive(readFileSync(file), file);
  const ok = XMLValidator.validate(archive.entries.get('project.qde')!.toString('utf8'));
  if (ok !== true) throw new Error('reference: project.qde did not parse');
}

/** Runs taken of each side, alternating ours and the reference, after one warm-up run of each. */
const RUNS = 5;

/** The median of `RUNS` timed runs of `ours` and of `reference`, taken in turn so both see the same machine. */
async function paired<T>(ours: (i: number) => Promise<T>, reference: () => Promise<unknown>): Promise<{ ms: number; refMs: number; value: T }> {
  await ours(-1);
  await reference();
  const a: number[] = [];
  const b: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const r = await timeAsync(() => ours(i));
    a.push(r.ms);
    value = r.value;
    b.push((await timeAsync(reference)).ms);
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { ms: median(a), refMs: median(b), value };
}

export async function refiBench(): Promise<Record<string, unknown>> {
  const file = await copyBenchProject('refi');
  const tmp = tempDir('refi');
  try {
    const session = new Session('test');
    session.openProject(file);
    const out = path.join(tmp.dir, 'bench.qdpx');
    // the first run of each warms the worker and the code paths (as a second export in the app would be)
    const exported = await paired(
      (i) => dispatch(session, 'refi.exportProject', { path: i < 0 ? path.join(tmp.dir, 'warm.qdpx') : out }),
      () => referenceExport(file),
    );
    session.closeProject();
    const bytes = statSync(out).size;
    const qdeBytes = (await (await JSZip.loadAsync(readFileSync(out))).file('project.qde')!.async('nodebuffer')).length;

    const imp = new Session('test');
    const imported = await paired(
      (i) => dispatch(imp, 'refi.importProject', { source: { path: out }, target: path.join(tmp.dir, `imported-${i + 1}.rodtrad`) }),
      () => referenceImport(out),
    );
    const mbps = (ms: number): number => round(bytes / 1024 / 1024 / (ms / 1000), 1);
    return {
      runs: `median of ${RUNS}, ours and the reference in turn, after a warm-up run of each`,
      project: { documents: exported.value.counts.sources, quotations: exported.value.counts.selections, codings: exported.value.counts.codings, qdpxMB: round(bytes / 1024 / 1024, 1), qdeMB: round(qdeBytes / 1024 / 1024, 1) },
      export: { seconds: round(exported.ms / 1000), MBps: mbps(exported.ms), referenceSeconds: round(exported.refMs / 1000), ratio: round(exported.refMs / exported.ms), target: 'under 5 s, ratio ≥ 0.5' },
      import: {
        seconds: round(imported.ms / 1000),
        MBps: mbps(imported.ms),
        referenceSeconds: round(imported.refMs / 1000),
        ratio: round(imported.refMs / imported.ms),
        quotations: imported.value.counts.selections,
        unplaced: imported.value.unplaced.length,
        target: 'under 5 s, ratio ≥ 0.5',
      },
    };
  } finally {
    tmp.cleanup();
  }
}
