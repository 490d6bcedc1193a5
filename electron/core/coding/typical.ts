/**
 * "Typical quotes": per code, the quotations a user pins to print as its examples, in the
 * user's order. Kept in the project's `layouts` table (kind 'typical-quotes', one row per code
 * named by the code's GUID, the quotations by GUID), so pins travel with the code through
 * renames and merges without a schema change; every change is one undoable step.
 */
import { UserError } from '../errors';
import { IN_LIST, listParam } from '../db/sql-list';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { subtreeIds } from './codes';

export const TYPICAL_KIND = 'typical-quotes';

interface Spec {
  quotations: string[];
}

/** Every code's pinned quotation ids, in order; pins of deleted quotations are dropped. */
export function allTypical(p: Project): Map<number, number[]> {
  const rows = p.db
    .prepare(`SELECT c.id AS code, l.spec FROM layouts l JOIN codes c ON c.guid = l.name WHERE l.kind = ?`)
    .all(TYPICAL_KIND) as { code: number; spec: string }[];
  if (rows.length === 0) return new Map();
  const guids = rows.flatMap((r) => (JSON.parse(r.spec) as Spec).quotations);
  const ids = new Map(
    (p.db.prepare(`SELECT guid, id FROM quotations WHERE guid ${IN_LIST}`).raw().all(listParam(guids)) as [string, number][]),
  );
  return new Map(rows.map((r) => [r.code, (JSON.parse(r.spec) as Spec).quotations.flatMap((g) => (ids.has(g) ? [ids.get(g)!] : []))]));
}

export function typicalQuotes(p: Project, codeId: number): number[] {
  return allTypical(p).get(codeId) ?? [];
}

/** Sets a code's pinned quotations (in this order; [] removes them). Each must carry the code or one of its sub-codes. */
export function setTypical(p: Project, codeId: number, quotationIds: number[]): number[] {
  const code = p.db.prepare('SELECT guid, name FROM codes WHERE id = ?').get(codeId) as { guid: string; name: string } | undefined;
  if (!code) throw new UserError('not-found', `no code with id ${codeId}`, undefined, `det finns ingen kod med id ${codeId}`);
  const unique = [...new Set(quotationIds)];
  const codes = subtreeIds(p, codeId);
  const carrying = new Set(
    p.db
      .prepare(`SELECT DISTINCT quotation_id FROM quotation_codes WHERE code_id ${IN_LIST}`)
      .pluck()
      .all(listParam(codes)) as number[],
  );
  const bad = unique.filter((id) => !carrying.has(id));
  if (bad.length) {
    throw new UserError(
      'bad-input',
      `quotation ${bad.join(', ')} is not coded with "${code.name}" or one of its sub-codes`,
      undefined,
      `citat ${bad.join(', ')} är inte kodat med ”${code.name}” eller någon av dess underkoder`,
    );
  }
  const guids = new Map(
    (p.db.prepare(`SELECT id, guid FROM quotations WHERE id ${IN_LIST}`).raw().all(listParam(unique)) as [number, string][]),
  );
  withUndo(p, { action: 'quotations.setTypical', text: `Pin typical quotes of "${code.name}"` }, () => {
    p.db.prepare('DELETE FROM layouts WHERE kind = ? AND name = ?').run(TYPICAL_KIND, code.guid);
    if (unique.length) {
      p.db
        .prepare('INSERT INTO layouts(guid, kind, name, spec, modified_at) VALUES (?, ?, ?, ?, ?)')
        .run(p.guid(), TYPICAL_KIND, code.guid, JSON.stringify({ quotations: unique.map((id) => guids.get(id)!) } satisfies Spec), p.now());
    }
  });
  return unique;
}
