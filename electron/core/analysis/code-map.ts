/**
 * The code map (tables.codeMap): the co-occurrence table as a network. Nodes are codes (by
 * default every code with a quotation in the filter), sized by their own quotations; an edge
 * joins two codes that co-occur, weighted as the co-occurrence table counts (overlap, turn or
 * document). The layout (shared/charts/code-map-layout.ts) is seeded and uses every edge, so
 * the minimum weight only hides edges and the codes stay where they were. Positions the user
 * dragged nodes to are kept in `layouts` (kind 'code-map', codes by GUID) and respected.
 */
import { CodeMapRequest, type CodeMap, type CodeMapNode, type CodeMapRequest as CodeMapRequestInput } from '../../../shared/contract/codemap';
import { layoutCodeMap } from '../../../shared/charts/code-map-layout';
import { labelText, labelWidth } from '../../../shared/charts/code-map-svg';
import { IN_LIST, listParam } from '../db/sql-list';
import type { Project } from '../project/project';
import { buildCooccurrence } from './cooccurrence';
import { resolveFilter } from './filter';
import { layoutRowSpec, putLayoutRow } from './layouts';

const KIND = 'code-map';
const NAME = 'positions';

type Positions = Record<string, [number, number]>;

function savedPositions(p: Project): Positions {
  const spec = layoutRowSpec(p, KIND, NAME);
  if (!spec) return {};
  try {
    const parsed = JSON.parse(spec) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Positions) : {};
  } catch {
    return {};
  }
}

/** Quotations carrying each code itself, within the filter. */
function quotationCounts(p: Project, docs: number[] | null): Map<number, number> {
  const sql = docs
    ? `SELECT qc.code_id, count(*) FROM quotation_codes qc JOIN quotations q ON q.id = qc.quotation_id WHERE q.document_id ${IN_LIST} GROUP BY qc.code_id`
    : 'SELECT code_id, count(*) FROM quotation_codes GROUP BY code_id';
  return new Map(p.db.prepare(sql).raw().all(...(docs ? [listParam(docs)] : [])) as [number, number][]);
}

export function buildCodeMap(p: Project, input: CodeMapRequestInput): CodeMap {
  const req = CodeMapRequest.parse(input);
  const kept = resolveFilter(p, req.filter);
  const counts = quotationCounts(p, kept.all ? null : kept.ids);
  const co = buildCooccurrence(p, { by: req.by, filter: req.filter, language: req.language, ...(req.codeIds ? { codeIds: req.codeIds } : {}) });
  const shown = co.codes.map((c, i) => ({ c, i })).filter(({ c }) => req.codeIds || (counts.get(c.codeId) ?? 0) > 0);
  const info = new Map(
    (p.db.prepare('SELECT id, guid, color FROM codes').raw().all() as [number, string, string | null][]).map(([id, guid, color]) => [id, { guid, color: color ?? '#888888' }]),
  );
  const edges: CodeMap['edges'] = [];
  for (let x = 0; x < shown.length; x++) {
    for (let y = x + 1; y < shown.length; y++) {
      const weight = co.counts[shown[x]!.i]![shown[y]!.i]!;
      if (weight > 0) edges.push({ a: shown[x]!.c.codeId, b: shown[y]!.c.codeId, weight });
    }
  }
  edges.sort((e, f) => f.weight - e.weight || e.a - f.a || e.b - f.b);
  const maxQ = Math.max(1, ...shown.map(({ c }) => counts.get(c.codeId) ?? 0));
  const radius = (q: number): number => Math.round((7 + 21 * Math.sqrt(q / maxQ)) * 10) / 10;
  const saved = savedPositions(p);
  const placedAt = (id: number): { x: number; y: number } | undefined => {
    const at = saved[info.get(id)?.guid ?? ''];
    return Array.isArray(at) && at.length === 2 && at.every(Number.isFinite) ? { x: at[0], y: at[1] } : undefined;
  };
  const positions = layoutCodeMap(
    shown.map(({ c }) => {
      const fixed = placedAt(c.codeId);
      return { id: c.codeId, r: radius(counts.get(c.codeId) ?? 0), labelWidth: labelWidth(labelText(c.name)), ...(fixed ? { fixed } : {}) };
    }),
    edges,
  );
  const nodes: CodeMapNode[] = shown.map(({ c }) => {
    const q = counts.get(c.codeId) ?? 0;
    const at = positions.get(c.codeId)!;
    return { codeId: c.codeId, name: c.name, path: c.path, color: info.get(c.codeId)?.color ?? '#888888', quotations: q, x: at.x, y: at.y, r: radius(q), placed: placedAt(c.codeId) !== undefined };
  });
  return { by: req.by, minWeight: req.minWeight, language: req.language, nodes, edges, maxWeight: edges[0]?.weight ?? 0 };
}

/** Remembers where the user put nodes (merged with those placed before). */
export function placeCodeMapNodes(p: Project, positions: { codeId: number; x: number; y: number }[]): number {
  const guids = new Map(
    (p.db.prepare(`SELECT id, guid FROM codes WHERE id ${IN_LIST}`).raw().all(listParam(positions.map((x) => x.codeId))) as [number, string][]),
  );
  const next = savedPositions(p);
  let placed = 0;
  for (const { codeId, x, y } of positions) {
    const guid = guids.get(codeId);
    if (!guid) continue;
    next[guid] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    placed++;
  }
  putLayoutRow(p, KIND, NAME, next);
  return placed;
}

export function resetCodeMap(p: Project): number {
  const forgotten = Object.keys(savedPositions(p)).length;
  p.transaction(() => p.db.prepare('DELETE FROM layouts WHERE kind = ? AND name = ?').run(KIND, NAME));
  return forgotten;
}
