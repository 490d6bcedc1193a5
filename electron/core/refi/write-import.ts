/**
 * Writes a planned REFI-QDA import into a project, all in one transaction: coders, the code
 * tree, documents with speakers and turns, quotations with their codes, memos with their
 * links, document groups and attributes. GUIDs are kept as written, so exporting the
 * project again gives the other tool back its own identifiers.
 */
import type { RefiCounts, RefiSkipped } from '../../../shared/contract/refi';
import { ensureLevel } from '../attributes/store';
import { batchInsert } from '../db/batch-insert';
import { insertPackedDocument } from '../documents/store';
import { storageError } from '../db/storage-errors';
import type { Project } from '../project/project';
import { resolveInternal, type Archive } from './archive';
import { guidKey, type RefiCode, type RefiNote, type RefiProject, type VariableType } from './model';
import type { PlannedDocument } from './plan-import';
import { mapText } from './positions';
import { decodeSourceBytes } from './source-text';

const PALETTE = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#138d75', '#a04000', '#2e4053', '#d35400', '#6c3483'];

export interface WriteResult {
  counts: RefiCounts;
  skipped: RefiSkipped[];
  warnings: string[];
}

/** Keys of the GUIDs written, to resolve references. */
interface Ids {
  coders: Map<string, number>;
  codes: Map<string, number>;
  documents: Map<string, number>;
  quotations: Map<string, number>;
}

export interface WriteOptions {
  /** Called after the codes and after each document (progress, cancellation). */
  onStep?: () => void;
  /** Called last inside the transaction: what it throws undoes the whole import (the file's well-formedness verdict). */
  beforeCommit?: () => Promise<void>;
}

/**
 * One transaction held across waits (for the second thread's sources and verdict). Safe
 * only where it is used: on the import job's own connection, in the job's own thread,
 * through which nothing else writes while the job runs. What is written inside joins it
 * (Project.transaction joins an open transaction).
 */
async function oneTransaction<T>(p: Project, write: () => Promise<T>): Promise<T> {
  p.db.exec('BEGIN IMMEDIATE');
  try {
    const result = await write();
    p.db.exec('COMMIT');
    return result;
  } catch (e) {
    if (p.db.inTransaction) p.db.exec('ROLLBACK');
    throw storageError(e, p.file) ?? e;
  }
}

/** Writes the documents as `documents` yields them (planned meanwhile, see plan-import.ts). */
export function writeImport(p: Project, refi: RefiProject, documents: AsyncIterable<PlannedDocument>, archive: Archive | null, o: WriteOptions = {}): Promise<WriteResult> {
  const onStep = o.onStep;
  return oneTransaction(p, async () => {
    const now = p.now();
    const skipped: RefiSkipped[] = [];
    const warnings: string[] = [];
    const ids: Ids = { coders: new Map(), codes: new Map(), documents: new Map(), quotations: new Map() };
    if (refi.name.trim()) p.setMeta('name', refi.name.trim());
    if (refi.created) p.setMeta('created_at', refi.created);

    const addCoder = p.db.prepare('INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)');
    const coderNames = new Set<string>();
    for (const u of refi.users) {
      const name = unique(u.name.normalize('NFC').trim() || u.guid, (n) => coderNames.has(n));
      coderNames.add(name);
      ids.coders.set(guidKey(u.guid), Number(addCoder.run(u.guid, name, now).lastInsertRowid));
    }
    const coder = (guid: string | null): number | null => (guid ? (ids.coders.get(guidKey(guid)) ?? null) : null);

    const codeCount = writeCodes(p, refi.codes, ids, now, warnings);
    onStep?.();

    // quotations and their codes go in many rows to a statement; the quotation ids are given,
    // not read back row by row (the project is new: nothing else writes meanwhile)
    let nextQuotation = (p.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM quotations').pluck().get() as number);
    const addQuotation = batchInsert(p.db, 'INSERT INTO quotations(id, guid, document_id, start, "end", comment, coder_id, created_at, modified_at)', 9);
    const addLink = batchInsert(p.db, 'INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at)', 4, { beforeFlush: () => addQuotation.flush() });
    const docNames = new Set<string>();
    let quotations = 0;
    let sources = 0;
    for await (const d of documents) {
      const name = unique(d.name, (n) => docNames.has(n));
      docNames.add(name);
      // the text goes in as its UTF-8 bytes, already NFC with LF (mapText made it so)
      const id = insertPackedDocument(p, {
        // the source's own GUID and times, so a second export writes the same TextSource again
        guid: d.source.guid,
        importedAt: d.source.created ?? now,
        modifiedAt: d.source.modified ?? d.source.created ?? now,
        name,
        kind: d.kind,
        utf8: d.utf8,
        chars: d.chars,
        sourceName: d.sourceName,
        sourceType: 'txt',
        encoding: d.encoding,
        sha256: d.sha256,
        language: d.language,
        turns: d.turns,
        speakers: d.speakers,
      });
      sources++;
      ids.documents.set(guidKey(d.source.guid), id);
      for (const q of d.quotations) {
        const created = q.created ?? now;
        const qid = nextQuotation++;
        addQuotation.add(qid, q.guid, id, q.start, q.end, q.comment, coder(q.user), created, q.modified ?? created);
        quotations++;
        for (const g of q.selectionGuids) ids.quotations.set(guidKey(g), qid);
        for (const c of q.codings) addLink.add(qid, ids.codes.get(guidKey(c.codeGuid))!, coder(c.user), c.created ?? created);
      }
      onStep?.();
    }
    addQuotation.flush();
    addLink.flush();
    const codings = addLink.changes;

    const notes = writeNotes(p, refi, archive, ids, coder, now, warnings);
    const sets = writeSets(p, refi, ids, skipped);
    const { variables, cases } = writeVariables(p, refi, ids, skipped);
    await o.beforeCommit?.();
    return {
      counts: { users: refi.users.length, codes: codeCount, sources, selections: quotations, codings, notes, sets, variables, cases },
      skipped,
      warnings,
    };
  });
}

/** `name`, or `name (2)`, `name (3)` … when taken. */
function unique(name: string, taken: (n: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) if (!taken(`${name} (${n})`)) return `${name} (${n})`;
}

function writeCodes(p: Project, codes: RefiCode[], ids: Ids, now: string, warnings: string[]): number {
  const add = p.db.prepare('INSERT INTO codes(guid, parent_id, name, definition, color, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let count = 0;
  const walk = (list: RefiCode[], parentId: number | null): void => {
    const names = new Set<string>();
    list.forEach((c, position) => {
      const wanted = c.name.normalize('NFC').trim();
      const name = unique(wanted, (n) => names.has(n));
      if (name !== wanted) warnings.push(`two codes named "${wanted}" at the same level: the second is called "${name}"`);
      names.add(name);
      const color = c.color ?? PALETTE[count % PALETTE.length]!;
      const id = Number(add.run(c.guid, parentId, name, c.description, color, position, now).lastInsertRowid);
      count++;
      ids.codes.set(guidKey(c.guid), id);
      walk(c.children, id);
    });
  };
  walk(codes, null);
  return count;
}

function noteText(n: RefiNote, archive: Archive | null, warnings: string[]): string {
  if (n.inlineText !== null) return n.inlineText;
  if (!n.plainTextPath) return '';
  const entry = archive ? resolveInternal(archive, n.plainTextPath) : null;
  if (!entry) {
    warnings.push(`the text of the note "${n.name ?? n.guid}" (${n.plainTextPath}) is missing from the archive; the memo is empty`);
    return '';
  }
  return mapText(decodeSourceBytes(archive!.entries.get(entry)!).text).stored;
}

/**
 * Notes become memos, attached to the first thing that refers to them: a code, a source, a
 * selection (NoteRef, or an NVivo annotation Link from the note); otherwise free memos.
 */
function writeNotes(p: Project, refi: RefiProject, archive: Archive | null, ids: Ids, coder: (g: string | null) => number | null, now: string, warnings: string[]): number {
  const target = new Map<string, { documentId?: number; codeId?: number; quotationId?: number }>();
  const claim = (noteGuid: string, t: { documentId?: number; codeId?: number; quotationId?: number }, what: string): void => {
    const k = guidKey(noteGuid);
    if (target.has(k)) warnings.push(`the note ${noteGuid} is also linked to ${what}; a memo belongs to one place, so only its first link is kept`);
    else target.set(k, t);
  };
  const walkCodes = (list: RefiCode[]): void => {
    for (const c of list) {
      for (const r of c.noteRefs) claim(r, { codeId: ids.codes.get(guidKey(c.guid))! }, `the code "${c.name}"`);
      walkCodes(c.children);
    }
  };
  walkCodes(refi.codes);
  for (const s of refi.textSources) {
    const documentId = ids.documents.get(guidKey(s.guid));
    for (const sel of s.selections) {
      const quotationId = ids.quotations.get(guidKey(sel.guid));
      for (const r of sel.noteRefs) {
        if (quotationId !== undefined) claim(r, { quotationId }, `a selection of "${s.name ?? s.guid}"`);
        else if (documentId !== undefined) claim(r, { documentId }, `"${s.name ?? s.guid}"`);
      }
    }
    if (documentId !== undefined) for (const r of s.noteRefs) claim(r, { documentId }, `"${s.name ?? s.guid}"`);
  }
  for (const l of refi.links) {
    if (!l.origin || !l.target) continue;
    const t = guidKey(l.target);
    const place = ids.quotations.has(t) ? { quotationId: ids.quotations.get(t)! } : ids.codes.has(t) ? { codeId: ids.codes.get(t)! } : ids.documents.has(t) ? { documentId: ids.documents.get(t)! } : null;
    if (place && refi.notes.some((n) => guidKey(n.guid) === guidKey(l.origin!))) claim(l.origin, place, `the link ${l.guid}`);
  }
  const add = p.db.prepare(
    'INSERT INTO memos(guid, title, body, author_id, document_id, code_id, quotation_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  for (const n of refi.notes) {
    const body = noteText(n, archive, warnings);
    const title = (n.name ?? '').trim() || body.split('\n').find((l) => l.trim())?.trim().slice(0, 80) || 'Memo';
    const t = target.get(guidKey(n.guid)) ?? {};
    const created = n.created ?? now;
    add.run(n.guid, title, body, coder(n.user), t.documentId ?? null, t.codeId ?? null, t.quotationId ?? null, created, n.modified ?? created);
    count++;
  }
  if (refi.description?.trim()) {
    add.run(p.guid(), 'Project description', refi.description, null, null, null, null, now, now);
    count++;
  }
  for (const s of refi.textSources) {
    const documentId = ids.documents.get(guidKey(s.guid));
    if (documentId !== undefined && s.description?.trim()) {
      add.run(p.guid(), 'Description', s.description, coder(s.user), documentId, null, null, s.created ?? now, s.modified ?? s.created ?? now);
      count++;
    }
  }
  return count;
}

/** Sets of sources become document groups; sets of codes only are listed as skipped (Rödtråd has no code groups). */
function writeSets(p: Project, refi: RefiProject, ids: Ids, skipped: RefiSkipped[]): number {
  const add = p.db.prepare('INSERT INTO document_groups(guid, name, position) VALUES (?, ?, ?)');
  const member = p.db.prepare('INSERT OR IGNORE INTO document_group_members(group_id, document_id) VALUES (?, ?)');
  const names = new Set<string>();
  let count = 0;
  for (const s of refi.sets) {
    if (s.memberSources.length === 0 && s.memberCodes.length + s.memberNotes.length > 0) {
      skipped.push({ kind: 'set', name: s.name, reason: 'a set of codes or notes only (Rödtråd groups documents, not codes)', reasonSv: 'en mängd med bara koder eller anteckningar (Rödtråd grupperar dokument, inte koder)', codings: 0 });
      continue;
    }
    const name = unique(s.name.normalize('NFC').trim() || s.guid, (n) => names.has(n));
    names.add(name);
    const gid = Number(add.run(s.guid, name, count).lastInsertRowid);
    count++;
    for (const m of s.memberSources) {
      const d = ids.documents.get(guidKey(m));
      if (d !== undefined) member.run(gid, d);
    }
  }
  return count;
}

const TYPE: Record<VariableType, 'text' | 'number' | 'date' | 'boolean'> = { Text: 'text', Integer: 'number', Float: 'number', Boolean: 'boolean', Date: 'date', DateTime: 'date' };

/** Variables become document attributes; values on a source, or on a case linked to sources, go to those documents. */
function writeVariables(p: Project, refi: RefiProject, ids: Ids, skipped: RefiSkipped[]): { variables: number; cases: number } {
  const add = p.db.prepare('INSERT INTO attributes(guid, name, scope, type, position) VALUES (?, ?, ?, ?, ?)');
  const setValue = p.db.prepare(
    `INSERT INTO document_attribute_values(document_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT(document_id, attribute_id) DO UPDATE SET value = excluded.value`,
  );
  const attr = new Map<string, number>();
  const names = new Set<string>();
  refi.variables.forEach((v, i) => {
    const name = unique(v.name.normalize('NFC').trim() || v.guid, (n) => names.has(n));
    names.add(name);
    attr.set(guidKey(v.guid), Number(add.run(v.guid, name, 'document', TYPE[v.type], i + 1).lastInsertRowid));
  });
  const apply = (documentId: number, variableGuid: string, value: string): void => {
    const a = attr.get(guidKey(variableGuid))!;
    ensureLevel(p, a, value);
    setValue.run(documentId, a, value);
  };
  for (const s of refi.textSources) {
    const d = ids.documents.get(guidKey(s.guid));
    if (d !== undefined) for (const v of s.values) apply(d, v.variableGuid, v.value);
  }
  let cases = 0;
  for (const c of refi.cases) {
    const docs = c.sourceRefs.map((r) => ids.documents.get(guidKey(r))).filter((d): d is number => d !== undefined);
    if (docs.length === 0) {
      skipped.push({ kind: 'case', name: c.name ?? c.guid, reason: 'a case linked to no imported text source (its values have nowhere to go)', reasonSv: 'ett fall som inte hör till någon importerad textkälla (dess värden har ingenstans att ta vägen)', codings: 0 });
      continue;
    }
    for (const d of docs) for (const v of c.values) apply(d, v.variableGuid, v.value);
    cases++;
  }
  return { variables: refi.variables.length, cases };
}
