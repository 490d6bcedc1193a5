/** The code tree: reading it with counts, creating codes and finding them by path ("A/B/C"). */
import type { Code } from '../../../shared/contract';
import { UserError } from '../errors';
import type { Project } from '../project/project';

/** A code's row as readers of the whole tree take it (the code tree, the REFI-QDA exchange). */
export interface CodeRecord {
  id: number;
  guid: string;
  parent_id: number | null;
  name: string;
  definition: string | null;
  color: string;
}

/** A code's row as stored, with its place among its siblings. */
export type CodeRow = CodeRecord & { position: number };

/** Path separator in code paths; a literal "/" inside a name is written "\/". */
export const PATH_SEPARATOR = '/';

export function splitCodePath(path: string): string[] {
  return path
    .split(/(?<!\\)\//)
    // NFC like document names: a decomposed "å" (macOS file names, some keyboards) is the same code.
    .map((s) => s.replace(/\\\//g, '/').trim().normalize('NFC'))
    .filter((s) => s.length > 0);
}

export function joinCodePath(names: string[]): string {
  return names.map((n) => n.replace(/\//g, '\\/')).join(PATH_SEPARATOR);
}

/** Depth-first, siblings in position order, with quotation and document counts alone and with sub-codes. */
export function codeTree(p: Project): Code[] {
  const rows = p.db.prepare('SELECT id, guid, parent_id, name, definition, color, position FROM codes ORDER BY position, id').all() as CodeRow[];
  const children = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r);
    else children.set(r.parent_id, [r]);
  }
  const links = p.db
    .prepare('SELECT qc.code_id AS code, qc.quotation_id AS q, quotations.document_id AS doc FROM quotation_codes qc JOIN quotations ON quotations.id = qc.quotation_id')
    .all() as { code: number; q: number; doc: number }[];
  const quotes = new Map<number, Set<number>>();
  const docs = new Map<number, Set<number>>();
  for (const l of links) {
    addTo(quotes, l.code, l.q);
    addTo(docs, l.code, l.doc);
  }
  const out: Code[] = [];
  // Returns the sets of quotations and documents of the subtree, to count "with sub-codes" without double counting.
  const visit = (r: CodeRow, depth: number, parentPath: string[]): { q: Set<number>; d: Set<number> } => {
    const names = [...parentPath, r.name];
    const code: Code = {
      id: r.id,
      guid: r.guid,
      parentId: r.parent_id,
      name: r.name,
      path: joinCodePath(names),
      depth,
      definition: r.definition,
      color: r.color,
      position: r.position,
      quotations: quotes.get(r.id)?.size ?? 0,
      quotationsDeep: 0,
      documents: docs.get(r.id)?.size ?? 0,
      documentsDeep: 0,
    };
    out.push(code);
    const q = new Set(quotes.get(r.id));
    const d = new Set(docs.get(r.id));
    for (const c of children.get(r.id) ?? []) {
      const sub = visit(c, depth + 1, names);
      sub.q.forEach((x) => q.add(x));
      sub.d.forEach((x) => d.add(x));
    }
    code.quotationsDeep = q.size;
    code.documentsDeep = d.size;
    return { q, d };
  };
  for (const r of children.get(null) ?? []) visit(r, 0, []);
  return out;
}

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const s = map.get(key);
  if (s) s.add(value);
  else map.set(key, new Set([value]));
}

export interface NewCode {
  name: string;
  parentId?: number | null;
  definition?: string | null;
  color?: string;
  position?: number;
}

const PALETTE = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#138d75', '#a04000', '#2e4053', '#d35400', '#6c3483'];

export function createCode(p: Project, c: NewCode): number {
  const name = c.name.trim().normalize('NFC');
  if (!name) throw new UserError('bad-input', 'a code needs a name', undefined, 'en kod behöver ett namn');
  const parentId = c.parentId ?? null;
  const clash = p.db.prepare('SELECT id FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?').get(parentId, name);
  if (clash) throw new UserError('exists', `a code named "${name}" already exists at that level`, undefined, `det finns redan en kod som heter ”${name}” på den nivån`);
  const position =
    c.position ?? (p.db.prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0)').get(parentId) as { n: number }).n;
  const color = c.color ?? PALETTE[(p.db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n % PALETTE.length]!;
  return Number(
    p.db
      .prepare('INSERT INTO codes(guid, parent_id, name, definition, color, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(p.guid(), parentId, name, c.definition ?? null, color, position, p.now()).lastInsertRowid,
  );
}

/** Finds a code by its path; with `create`, makes the missing levels. */
export function codeByPath(p: Project, path: string, options: { create?: boolean } = {}): number {
  const names = splitCodePath(path);
  if (names.length === 0) throw new UserError('bad-input', `"${path}" is not a code path`, undefined, `”${path}” är ingen kodsökväg`);
  const find = p.db.prepare('SELECT id FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?');
  let parent: number | null = null;
  for (const name of names) {
    const row = find.get(parent, name) as { id: number } | undefined;
    if (row) parent = row.id;
    else if (options.create) parent = createCode(p, { name, parentId: parent });
    else throw new UserError('not-found', `no code "${path}" (missing "${name}")`, undefined, `det finns ingen kod ”${path}” (”${name}” saknas)`);
  }
  return parent!;
}

/** The ids of a code and all codes below it. */
export function subtreeIds(p: Project, codeId: number): number[] {
  return (
    p.db
      .prepare(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
         SELECT id FROM sub`,
      )
      .all(codeId) as { id: number }[]
  ).map((r) => r.id);
}
