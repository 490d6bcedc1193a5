/** Shared helpers for the teams tests: a master with coder copies, and independent readings of project files. */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MethodName, Params, Result } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';

export interface Opened {
  session: Session;
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  close(): void;
}

export function open(file: string): Opened {
  const session = new Session('test');
  session.openProject(file);
  return { session, call: (m, p) => dispatch(session, m, p), close: () => session.dispose() };
}

/** The sample project as master, with one copy per coder in dir. */
export async function masterWithCopies(
  dir: string,
  coders: string[],
  name = 'master',
  prepare?: (call: Opened['call']) => Promise<void>,
): Promise<{ master: string; copies: string[] }> {
  const master = path.join(dir, `${name}.rodtrad`);
  const session = new Session('test');
  await dispatch(session, 'project.createSample', { path: master });
  await dispatch(session, 'project.setCoder', { name: 'Master' });
  if (prepare) await prepare((m, p) => dispatch(session, m, p));
  const copies = await dispatch(session, 'teams.copies', { outDir: dir, coders });
  session.dispose();
  return { master, copies: copies.map((c) => c.path) };
}

/**
 * Every coding decision in a project file, read with plain SQL (not through the merge code):
 * document GUID, range, code path, the link's coder. A merge must give exactly the union.
 */
export function codings(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const codes = db.prepare('SELECT id, parent_id AS parent, name FROM codes').all() as { id: number; parent: number | null; name: string }[];
    const byId = new Map(codes.map((c) => [c.id, c]));
    const pathOf = (id: number): string => {
      const names: string[] = [];
      for (let c = byId.get(id); c; c = c.parent === null ? undefined : byId.get(c.parent)) names.unshift(c.name);
      return names.join('/');
    };
    const rows = db
      .prepare(
        `SELECT d.guid AS doc, q.start, q."end", l.code_id AS code, k.name AS coder FROM quotation_codes l
         JOIN quotations q ON q.id = l.quotation_id JOIN documents d ON d.id = q.document_id LEFT JOIN coders k ON k.id = l.coder_id`,
      )
      .all() as { doc: string; start: number; end: number; code: number; coder: string | null }[];
    return rows.map((r) => `${r.doc}|${r.start}-${r.end}|${pathOf(r.code)}|${r.coder ?? ''}`).sort();
  } finally {
    db.close();
  }
}

/** Quotations as (document, range, coder), sorted: what "every quotation keeps its coder" is checked on. */
export function quotationsOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare('SELECT d.guid || \'|\' || q.start || \'-\' || q."end" || \'|\' || coalesce(k.name, \'\') FROM quotations q JOIN documents d ON d.id = q.document_id LEFT JOIN coders k ON k.id = q.coder_id')
        .pluck()
        .all() as string[]
    ).sort();
  } finally {
    db.close();
  }
}

/** Memos, attribute values, groups and codes as comparable text, ids left out. */
export type Content = Record<'documents' | 'codes' | 'memos' | 'attributes' | 'groups' | 'turns' | 'coders', string[]>;

export function otherContent(file: string): Content {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string): string[] => (db.prepare(sql).pluck().all() as string[]).sort();
    return {
      documents: all("SELECT guid || '|' || name || '|' || sha256 FROM documents"),
      codes: all("SELECT guid || '|' || name FROM codes"),
      memos: all("SELECT guid || '|' || title || '|' || body FROM memos"),
      attributes: all("SELECT d.guid || '|' || a.name || '=' || v.value FROM document_attribute_values v JOIN documents d ON d.id = v.document_id JOIN attributes a ON a.id = v.attribute_id"),
      groups: all("SELECT g.name || '|' || d.guid FROM document_group_members m JOIN document_groups g ON g.id = m.group_id JOIN documents d ON d.id = m.document_id"),
      turns: all("SELECT d.guid || '|' || t.start || '-' || t.\"end\" FROM turns t JOIN documents d ON d.id = t.document_id"),
      coders: all("SELECT guid || '|' || name FROM coders"),
    };
  } finally {
    db.close();
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
