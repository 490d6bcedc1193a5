/**
 * Intercoder agreement in a project, per code and over all chosen codes, for chosen coders,
 * documents and codes. A link's coder (else its quotation's) is who made the coding decision.
 *
 * On units (turns, paragraphs, sentences) each coder gives each unit, per code, 1 (a quotation
 * of theirs with the code overlaps the unit) or 0; a coder who coded nothing in a document is
 * missing there, not "absent". Units with the same values are counted together, so a figure
 * over a whole corpus costs a pass over the codings, not over every unit. Over all codes, the
 * unit × code pairs are pooled (the coincidence and confusion tables are summed).
 *
 * On characters (unit 'char') α_u compares the coders' segments of each code directly, on a
 * continuum of the documents every chosen coder coded, laid end to end.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import { codeByPath, joinCodePath } from '../coding/codes';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { alphaOfGroups } from './alpha';
import { alphaInterval, type Interval } from './bootstrap';
import type { UnitGroup } from './coincidence';
import { cohenKappa, holsti, percentAgreement } from './kappa';
import { unitizingAlpha, unitizingCategory, type Segment, type UnitizingCategory } from './unitizing';
import { firstUnitEndingAfter, paragraphUnits, sentenceUnits, turnUnits, type UnitKind } from './units';

export interface AgreementOptions {
  coders?: string[];
  codes?: string[];
  documentIds?: number[];
  unit: UnitKind;
  /** Bootstrap samples for the interval of α (0: none). */
  bootstrap?: number;
  seed?: number;
}

export interface Figures {
  /** Units (or unit × code pairs over all codes) with values from at least two coders. */
  units: number;
  alpha: number | null;
  observed: number;
  expected: number;
  interval: Interval | null;
  coincidence: { values: number[]; matrix: number[][] } | null;
  percent: number | null;
  /** Two coders only. */
  kappa: number | null;
  holsti: number | null;
  confusion: { values: number[]; matrix: number[][] } | null;
  /** Units where the coders' values differ. */
  disagreements: number;
  /** Unit 'char' only. */
  unitizing: UnitizingCategory | null;
}

export interface AgreementResult {
  unit: UnitKind;
  coders: { name: string; guid: string }[];
  documents: { considered: number; codedByAll: number; characters: number; units: number };
  codes: (Figures & { id: number; path: string; quotations: number })[];
  overall: Figures;
}

const MAX_CODERS = 30;

export function computeAgreement(p: Project, o: AgreementOptions): AgreementResult {
  const coders = chooseCoders(p, o.coders);
  const coderIndex = new Map(coders.map((c, i) => [c.id, i]));
  const docs = chooseDocuments(p, o.documentIds);
  const tree = codePaths(p);
  const pathOf = new Map(tree.map((c) => [c.id, c.path]));
  const links = p.db
    .prepare(
      `SELECT q.document_id AS doc, q.start, q."end", l.code_id AS code, coalesce(l.coder_id, q.coder_id) AS coder
       FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id
       WHERE coalesce(l.coder_id, q.coder_id) ${IN_LIST} AND q.document_id ${IN_LIST}`,
    )
    .raw()
    .all(listParam(coders.map((c) => c.id)), listParam(docs.map((d) => d.id))) as [number, number, number, number, number][];
  // Who coded which document (with any code): a coder missing from a document gives no values there.
  const present = new Map<number, number>();
  for (const [doc, , , , coder] of links) present.set(doc, (present.get(doc) ?? 0) | (1 << coderIndex.get(coder)!));
  const codeIds = chooseCodes(p, o.codes, links, tree);
  const chosen = new Set(codeIds);
  const codeLinks = links.filter((l) => chosen.has(l[3]));
  const all = (1 << coders.length) - 1;
  const options = { bootstrap: o.bootstrap ?? 1000, seed: o.seed ?? 1, twoCoders: coders.length === 2 };

  const result: AgreementResult = {
    unit: o.unit,
    coders: coders.map((c) => ({ name: c.name, guid: c.guid })),
    documents: { considered: docs.length, codedByAll: docs.filter((d) => present.get(d.id) === all).length, characters: 0, units: 0 },
    codes: [],
    overall: emptyFigures(),
  };
  const quotationsOf = new Map<number, number>();
  for (const l of codeLinks) quotationsOf.set(l[3], (quotationsOf.get(l[3]) ?? 0) + 1);

  if (o.unit === 'char') {
    const byCode = charAgreement(p, docs, present, all, coders.length, coderIndex, codeLinks, codeIds);
    result.documents.characters = byCode.length;
    for (const id of codeIds) result.codes.push({ ...emptyFigures(), unitizing: byCode.categories.get(id)!, alpha: byCode.categories.get(id)!.alpha, observed: byCode.categories.get(id)!.observed, expected: byCode.categories.get(id)!.expected, id, path: pathOf.get(id) ?? '', quotations: quotationsOf.get(id) ?? 0 });
    const cats = [...byCode.categories.values()];
    const overall = { observed: cats.reduce((s, c) => s + c.observed, 0), expected: cats.reduce((s, c) => s + c.expected, 0), alpha: unitizingAlpha(cats), segments: cats.reduce((s, c) => s + c.segments, 0) };
    result.overall = { ...emptyFigures(), unitizing: overall, alpha: overall.alpha, observed: overall.observed, expected: overall.expected };
    return result;
  }

  // Units per document, and for each document the presence pattern of its coders.
  const unitsOf = new Map<number, { start: number; end: number }[]>();
  const turnRows = p.db.prepare('SELECT document_id, start, "end" FROM turns ORDER BY document_id, start').raw().all() as [number, number, number][];
  const turnsByDoc = new Map<number, { start: number; end: number }[]>();
  for (const [d, s, e] of turnRows) {
    const list = turnsByDoc.get(d);
    if (list) list.push({ start: s, end: e });
    else turnsByDoc.set(d, [{ start: s, end: e }]);
  }
  const textOf = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const pairableDocs = docs.filter((d) => popcount(present.get(d.id) ?? 0) >= 2);
  for (const d of pairableDocs) {
    const text = textOf.get(d.id) as string;
    unitsOf.set(d.id, o.unit === 'turn' ? turnUnits(text, turnsByDoc.get(d.id) ?? []) : o.unit === 'paragraph' ? paragraphUnits(text) : sentenceUnits(text));
    result.documents.characters += text.length;
    result.documents.units += unitsOf.get(d.id)!.length;
  }
  // Units per presence pattern: the all-zero units of a code are these minus the ones it marks.
  const unitsByPresence = new Map<number, number>();
  for (const d of pairableDocs) unitsByPresence.set(present.get(d.id)!, (unitsByPresence.get(present.get(d.id)!) ?? 0) + unitsOf.get(d.id)!.length);

  // Per code: unit (numbered across documents) → mask of coders whose quotation with the code overlaps it.
  const unitBase = new Map<number, number>();
  let unitCount = 0;
  for (const d of pairableDocs) {
    unitBase.set(d.id, unitCount);
    unitCount += unitsOf.get(d.id)!.length;
  }
  const unitPresence = new Int32Array(unitCount);
  for (const d of pairableDocs) unitPresence.fill(present.get(d.id)!, unitBase.get(d.id)!, unitBase.get(d.id)! + unitsOf.get(d.id)!.length);
  const marks = new Map<number, Map<number, number>>();
  for (const [doc, start, end, code, coder] of codeLinks) {
    const units = unitsOf.get(doc);
    if (!units) continue; // fewer than two coders in this document: no pairable values
    let m = marks.get(code);
    if (!m) marks.set(code, (m = new Map()));
    const base = unitBase.get(doc)!;
    const bit = 1 << coderIndex.get(coder)!;
    for (let i = firstUnitEndingAfter(units, start); i < units.length && units[i]!.start < end; i++) m.set(base + i, (m.get(base + i) ?? 0) | bit);
  }
  const pooled = new Map<string, UnitGroup<number>>();
  const addGroup = (into: Map<string, UnitGroup<number>>, presence: number, mask: number, count: number): void => {
    if (count === 0) return;
    const key = `${presence}:${mask}`;
    const g = into.get(key);
    if (g) g.count += count;
    else into.set(key, { values: coders.map((_, i) => (presence & (1 << i) ? (mask & (1 << i) ? 1 : 0) : null)), count });
  };
  for (const id of codeIds) {
    const groups = new Map<string, UnitGroup<number>>();
    const markedByPresence = new Map<number, number>();
    for (const [unit, mask] of marks.get(id) ?? []) {
      const presence = unitPresence[unit]!;
      addGroup(groups, presence, mask, 1);
      markedByPresence.set(presence, (markedByPresence.get(presence) ?? 0) + 1);
    }
    for (const [presence, n] of unitsByPresence) addGroup(groups, presence, 0, n - (markedByPresence.get(presence) ?? 0));
    for (const g of groups.values()) addGroup(pooled, presenceOf(g.values), maskOf(g.values), g.count);
    result.codes.push({ ...figures([...groups.values()], options), id, path: pathOf.get(id) ?? '', quotations: quotationsOf.get(id) ?? 0 });
  }
  result.overall = figures([...pooled.values()], options);
  return result;
}

function presenceOf(values: (number | null)[]): number {
  return values.reduce<number>((m, v, i) => (v === null ? m : m | (1 << i)), 0);
}
function maskOf(values: (number | null)[]): number {
  return values.reduce<number>((m, v, i) => (v === 1 ? m | (1 << i) : m), 0);
}
function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

function emptyFigures(): Figures {
  return { units: 0, alpha: null, observed: 0, expected: 0, interval: null, coincidence: null, percent: null, kappa: null, holsti: null, confusion: null, disagreements: 0, unitizing: null };
}

function figures(groups: UnitGroup<number>[], o: { bootstrap: number; seed: number; twoCoders: boolean }): Figures {
  const a = alphaOfGroups(groups, 'nominal');
  const pct = percentAgreement(groups);
  const disagreements = groups.filter((g) => new Set(g.values.filter((v) => v !== null)).size > 1).reduce((s, g) => s + g.count, 0);
  // Both values always shown, so a table with one value used still reads as a 2×2 table.
  const coincidence = { values: [0, 1], matrix: [0, 1].map((c) => [0, 1].map((k) => cell(a.coincidence.values, a.coincidence.matrix, c, k))) };
  let kappa: number | null = null;
  let h: number | null = null;
  let confusion: Figures['confusion'] = null;
  if (o.twoCoders) {
    const pairs = groups.map((g) => [g.values[0] ?? null, g.values[1] ?? null, g.count] as [number | null, number | null, number]);
    const k = cohenKappa(pairs);
    kappa = k.kappa;
    confusion = { values: [0, 1], matrix: [0, 1].map((c) => [0, 1].map((x) => cell(k.values, k.confusion, c, x))) };
    h = holsti(pairs.map(([x, y, w]) => [x === null ? null : x === 1, y === null ? null : y === 1, w])).holsti;
  }
  return {
    units: a.coincidence.units,
    alpha: a.alpha,
    observed: a.observed,
    expected: a.expected,
    interval: o.bootstrap > 0 && a.alpha !== null ? alphaInterval(groups, { samples: o.bootstrap, seed: o.seed }) : null,
    coincidence,
    percent: pct.agreement,
    kappa,
    holsti: h,
    confusion,
    disagreements,
    unitizing: null,
  };
}

function cell(values: number[], matrix: number[][], c: number, k: number): number {
  const i = values.indexOf(c);
  const j = values.indexOf(k);
  return i < 0 || j < 0 ? 0 : matrix[i]![j]!;
}

function charAgreement(
  p: Project,
  docs: { id: number }[],
  present: Map<number, number>,
  all: number,
  coders: number,
  coderIndex: Map<number, number>,
  links: [number, number, number, number, number][],
  codeIds: number[],
): { length: number; categories: Map<number, UnitizingCategory> } {
  const chars = p.db.prepare('SELECT chars FROM documents WHERE id = ?').pluck();
  const base = new Map<number, number>();
  let length = 0;
  for (const d of docs) {
    if (present.get(d.id) !== all) continue;
    base.set(d.id, length);
    length += chars.get(d.id) as number;
  }
  const segments = new Map<number, Segment[][]>(codeIds.map((id) => [id, Array.from({ length: coders }, () => [])]));
  for (const [doc, start, end, code, coder] of links) {
    const at = base.get(doc);
    if (at === undefined) continue;
    segments.get(code)?.[coderIndex.get(coder)!]!.push({ start: at + start, end: at + end });
  }
  return { length, categories: new Map(codeIds.map((id) => [id, unitizingCategory(segments.get(id)!, length)])) };
}

function chooseCoders(p: Project, names: string[] | undefined): { id: number; name: string; guid: string }[] {
  const rows = p.db.prepare('SELECT id, name, guid FROM coders ORDER BY name COLLATE NOCASE, id').all() as { id: number; name: string; guid: string }[];
  let chosen: typeof rows;
  if (names && names.length > 0) {
    chosen = names.map((n) => {
      const r = rows.find((x) => x.name === n) ?? rows.find((x) => x.name.toLowerCase() === n.toLowerCase());
      if (!r) throw new UserError('not-found', `no coder "${n}" in the project (coders: ${rows.map((x) => x.name).join(', ') || 'none'})`, p.file, `ingen kodare ”${n}” i projektet (kodare: ${rows.map((x) => x.name).join(', ') || 'inga'})`);
      return r;
    });
  } else {
    const coding = new Set(p.db.prepare('SELECT DISTINCT coalesce(l.coder_id, q.coder_id) FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id').pluck().all() as number[]);
    chosen = rows.filter((r) => coding.has(r.id));
  }
  if (new Set(chosen.map((c) => c.id)).size !== chosen.length) throw new UserError('bad-input', 'a coder is named twice', undefined, 'en kodare anges två gånger');
  if (chosen.length < 2) throw new UserError('bad-input', `agreement needs at least two coders who have coded (found ${chosen.length}); merge the coders' copies first`, p.file, `överensstämmelse kräver minst två kodare som har kodat (hittade ${chosen.length}); slå först samman kodarnas kopior`);
  if (chosen.length > MAX_CODERS) throw new UserError('bad-input', `at most ${MAX_CODERS} coders at a time`, undefined, `högst ${MAX_CODERS} kodare åt gången`);
  return chosen;
}

function chooseDocuments(p: Project, ids: number[] | undefined): { id: number }[] {
  const rows = p.db.prepare('SELECT id FROM documents ORDER BY position, id').all() as { id: number }[];
  if (!ids || ids.length === 0) return rows;
  const known = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!known.has(id)) throw new UserError('not-found', `no document with id ${id}`);
  const wanted = new Set(ids);
  return rows.filter((r) => wanted.has(r.id));
}

/** Codes by path; by default every code the chosen coders used, in tree order. */
function chooseCodes(p: Project, paths: string[] | undefined, links: [number, number, number, number, number][], tree: { id: number }[]): number[] {
  if (paths && paths.length > 0) return [...new Set(paths.map((x) => codeByPath(p, x)))];
  const used = new Set(links.map((l) => l[3]));
  return tree.map((c) => c.id).filter((id) => used.has(id));
}

/** Every code's path, depth first in sibling order (the code tree's order), without its counts. */
function codePaths(p: Project): { id: number; path: string }[] {
  const rows = p.db.prepare('SELECT id, parent_id, name FROM codes ORDER BY position, id').raw().all() as [number, number | null, string][];
  const children = new Map<number | null, [number, string][]>();
  for (const [id, parent, name] of rows) {
    const list = children.get(parent);
    if (list) list.push([id, name]);
    else children.set(parent, [[id, name]]);
  }
  const out: { id: number; path: string }[] = [];
  const visit = (parent: number | null, names: string[]): void => {
    for (const [id, name] of children.get(parent) ?? []) {
      out.push({ id, path: joinCodePath([...names, name]) });
      visit(id, [...names, name]);
    }
  };
  visit(null, []);
  return out;
}
