/**
 * A `.qdc` added to the open project's code tree, as one undoable step. Each of its codes is
 * matched by GUID, then by path. Two cases are conflicts, listed and resolved by the user's
 * choice: a code at the same path with another GUID, and a code whose GUID we have at
 * another path (moved). "ours" keeps our code as it is, "theirs" takes their GUID, place,
 * colour and definition, "both" keeps ours and adds theirs beside it.
 */
import type { QdcConflict, QdcImportResult } from '../../../shared/contract/refi';
import { joinCodePath, type CodeRecord } from '../coding/codes';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { guidKey, type RefiCode, type RefiCodebook } from './model';

export type Resolution = 'ours' | 'theirs' | 'both';

type Ours = CodeRecord;

class DryRun extends Error {}

const PALETTE_DEFAULT = '#888888';

export function mergeCodebook(p: Project, book: RefiCodebook, file: string, resolution: Resolution, dryRun: boolean): QdcImportResult {
  let result: QdcImportResult | undefined;
  const run = (): QdcImportResult => merge(p, book, file, resolution);
  if (dryRun) {
    try {
      p.transaction(() => {
        result = run();
        throw new DryRun();
      });
    } catch (e) {
      if (!(e instanceof DryRun)) throw e;
    }
    return result!;
  }
  return withUndo(p, { action: 'refi.importCodebook', text: `Import codebook "${file}"` }, run);
}

function merge(p: Project, book: RefiCodebook, file: string, resolution: Resolution): QdcImportResult {
  const rows = p.db.prepare('SELECT id, guid, parent_id, name, definition, color FROM codes').all() as Ours[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byGuid = new Map(rows.map((r) => [guidKey(r.guid), r]));
  const pathOf = (r: Ours): string[] => (r.parent_id === null ? [r.name] : [...pathOf(byId.get(r.parent_id)!), r.name]);
  const findChild = p.db.prepare('SELECT id FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?').pluck();
  const insert = p.db.prepare('INSERT INTO codes(guid, parent_id, name, definition, color, position, created_at) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0)), ?)');
  const update = p.db.prepare('UPDATE codes SET guid = ?, parent_id = ?, name = ?, definition = ?, color = ? WHERE id = ?');
  const res: QdcImportResult = { file, added: 0, matchedByGuid: 0, matchedByPath: 0, updated: 0, conflicts: [], resolution };
  const now = p.now();

  const freeName = (parentId: number | null, name: string): string => {
    if (findChild.get(parentId, name) === undefined) return name;
    for (let n = 2; ; n++) if (findChild.get(parentId, `${name} (${n})`) === undefined) return `${name} (${n})`;
  };
  const add = (c: RefiCode, parentId: number | null, guid: string, name: string): number => {
    const id = Number(insert.run(guid, parentId, name, c.description, c.color ?? PALETTE_DEFAULT, parentId, now).lastInsertRowid);
    const row: Ours = { id, guid, parent_id: parentId, name, definition: c.description, color: c.color ?? PALETTE_DEFAULT };
    byId.set(id, row);
    if (!byGuid.has(guidKey(guid))) byGuid.set(guidKey(guid), row);
    res.added++;
    return id;
  };
  const takeTheirs = (ours: Ours, c: RefiCode, parentId: number | null, name: string): void => {
    const changed = ours.parent_id !== parentId || ours.name !== name || ours.definition !== c.description || (c.color !== null && ours.color !== c.color) || guidKey(ours.guid) !== guidKey(c.guid);
    if (!changed) return;
    byGuid.delete(guidKey(ours.guid));
    Object.assign(ours, { guid: c.guid, parent_id: parentId, name, definition: c.description, color: c.color ?? ours.color });
    byGuid.set(guidKey(c.guid), ours);
    update.run(ours.guid, parentId, name, ours.definition, ours.color, ours.id);
    res.updated++;
  };

  /** Places their code under `parentId` (ours), returning the id their children go under. */
  const place = (c: RefiCode, parentId: number | null, theirPath: string[]): number => {
    const name = c.name.normalize('NFC').trim();
    const path = [...theirPath, name];
    const byG = byGuid.get(guidKey(c.guid));
    const atPath = findChild.get(parentId, name) as number | undefined;
    if (byG) {
      res.matchedByGuid++;
      const ourPath = pathOf(byG);
      if (joinCodePath(ourPath) === joinCodePath(path) || byG.id === atPath) {
        if (resolution === 'theirs') takeTheirs(byG, c, byG.parent_id, byG.name);
        return byG.id;
      }
      conflict({ kind: 'moved', path: joinCodePath(ourPath), theirPath: joinCodePath(path), guid: c.guid });
      // their place lies inside our code's own subtree: moving it there would make a loop
      if (resolution === 'ours' || (resolution === 'theirs' && isWithin(parentId, byG.id))) return byG.id;
      if (resolution === 'theirs') {
        if (atPath !== undefined && atPath !== byG.id) {
          // their place is taken by another of our codes: ours keeps it, theirs comes beside it
          takeTheirs(byG, c, parentId, freeName(parentId, name));
        } else takeTheirs(byG, c, parentId, name);
        return byG.id;
      }
      return add(c, parentId, p.guid(), freeName(parentId, name));
    }
    if (atPath !== undefined) {
      res.matchedByPath++;
      const ours = byId.get(atPath)!;
      conflict({ kind: 'same-path-other-guid', path: joinCodePath(path), theirPath: joinCodePath(path), guid: c.guid });
      if (resolution === 'ours') return ours.id;
      if (resolution === 'theirs') {
        takeTheirs(ours, c, parentId, name);
        return ours.id;
      }
      return add(c, parentId, c.guid, freeName(parentId, name));
    }
    return add(c, parentId, c.guid, name);
  };
  const conflict = (c: QdcConflict): void => void res.conflicts.push(c);
  const isWithin = (id: number | null, ancestor: number): boolean => {
    for (let cur = id; cur !== null; cur = byId.get(cur)!.parent_id) if (cur === ancestor) return true;
    return false;
  };
  const walk = (list: RefiCode[], parentId: number | null, theirPath: string[]): void => {
    for (const c of list) {
      const id = place(c, parentId, theirPath);
      walk(c.children, id, [...theirPath, c.name.normalize('NFC').trim()]);
    }
  };
  walk(book.codes, null, []);
  return res;
}
