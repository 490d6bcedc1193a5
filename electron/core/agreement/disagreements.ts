/**
 * Disagreements of two coders on one code, unit by unit, and settling them. Settling edits the
 * merged project so that both coders' coding of the unit with the code becomes the accepted
 * version (the first coder's, the second's, both, or neither), as one undoable step; the coder
 * copies keep the originals, so report the agreement before settling (export it first).
 */
import { codeByPath } from '../coding/codes';
import { createQuotation } from '../coding/quotations';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import type { Segment } from './unitizing';
import { firstUnitEndingAfter, paragraphUnits, sentenceUnits, turnUnits } from './units';

export type SettleChoice = 'first' | 'second' | 'both' | 'neither';

export interface Disagreement {
  documentId: number;
  documentName: string;
  start: number;
  end: number;
  text: string;
  /** Per coder (in the order asked): whether they coded the unit, and their quotations with the code overlapping it. */
  coders: { name: string; coded: boolean; quotations: { id: number; start: number; end: number; text: string }[] }[];
}

interface Link {
  quotation: number;
  doc: number;
  start: number;
  end: number;
  coder: number;
}

function coderIds(p: Project, names: string[]): number[] {
  if (names.length !== 2) throw new UserError('bad-input', 'choose exactly two coders to compare', undefined, 'välj exakt två kodare att jämföra');
  return names.map((n) => {
    const id = p.db.prepare('SELECT id FROM coders WHERE name = ?').pluck().get(n) as number | undefined;
    if (id === undefined) throw new UserError('not-found', `no coder "${n}" in the project`, p.file, `ingen kodare ”${n}” i projektet`);
    return id;
  });
}

function linksOf(p: Project, code: number, coders: number[], documentId?: number): Link[] {
  return p.db
    .prepare(
      `SELECT q.id AS quotation, q.document_id AS doc, q.start, q."end", coalesce(l.coder_id, q.coder_id) AS coder FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id
       WHERE l.code_id = ? AND coalesce(l.coder_id, q.coder_id) IN (?, ?) ${documentId === undefined ? '' : 'AND q.document_id = ?'} ORDER BY q.document_id, q.start, q.id`,
    )
    .all(code, coders[0], coders[1], ...(documentId === undefined ? [] : [documentId])) as Link[];
}

type CompareUnit = 'turn' | 'paragraph' | 'sentence';

/** Per document, the coders (ids) who coded anything in it: a coder who coded nothing there is missing, so no disagreement can be seen. */
function presentCoders(p: Project, documentId?: number): Map<number, Set<number>> {
  const present = new Map<number, Set<number>>();
  for (const [doc, coder] of p.db
    .prepare(
      `SELECT DISTINCT q.document_id, coalesce(l.coder_id, q.coder_id) FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id ${documentId === undefined ? '' : 'WHERE q.document_id = ?'}`,
    )
    .raw()
    .all(...(documentId === undefined ? [] : [documentId])) as [number, number][]) {
    if (!present.has(doc)) present.set(doc, new Set());
    present.get(doc)!.add(coder);
  }
  return present;
}

function documentOf(p: Project, doc: number): { name: string; text: string } {
  const d = p.db.prepare('SELECT name, text FROM documents WHERE id = ?').get(doc) as { name: string; text: string } | undefined;
  if (!d) throw new UserError('not-found', `no document with id ${doc}`, p.file, `inget dokument med id ${doc}`);
  return d;
}

function unitsOf(p: Project, doc: number, text: string, unit: CompareUnit): Segment[] {
  if (unit === 'paragraph') return paragraphUnits(text);
  if (unit === 'sentence') return sentenceUnits(text);
  return turnUnits(text, p.db.prepare('SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY start').all(doc) as Segment[]);
}

/** The links (of one document, sorted by start) overlapping each unit, by unit index. */
function linksByUnit(units: Segment[], links: Link[]): Map<number, Link[]> {
  const byUnit = new Map<number, Link[]>();
  for (const l of links) {
    for (let i = firstUnitEndingAfter(units, l.start); i < units.length && units[i]!.start < l.end; i++) {
      if (!byUnit.has(i)) byUnit.set(i, []);
      byUnit.get(i)!.push(l);
    }
  }
  return byUnit;
}

export function listDisagreements(p: Project, o: { coders: string[]; code: string; unit: CompareUnit }): Disagreement[] {
  const coders = coderIds(p, o.coders);
  const code = codeByPath(p, o.code);
  const present = presentCoders(p);
  const links = linksOf(p, code, coders);
  const docs = [...new Set(links.map((l) => l.doc))].filter((d) => coders.every((c) => present.get(d)?.has(c)));
  const out: Disagreement[] = [];
  for (const doc of docs) {
    const d = documentOf(p, doc);
    const units = unitsOf(p, doc, d.text, o.unit);
    for (const [i, ls] of [...linksByUnit(units, links.filter((x) => x.doc === doc))].sort((a, b) => a[0] - b[0])) {
      const coded = coders.map((c) => ls.some((l) => l.coder === c));
      if (coded[0] === coded[1]) continue;
      const u = units[i]!;
      out.push({
        documentId: doc,
        documentName: d.name,
        start: u.start,
        end: u.end,
        text: d.text.slice(u.start, u.end),
        coders: coders.map((c, k) => ({
          name: o.coders[k]!,
          coded: coded[k]!,
          quotations: ls.filter((l) => l.coder === c).map((l) => ({ id: l.quotation, start: l.start, end: l.end, text: d.text.slice(l.start, l.end) })),
        })),
      });
    }
  }
  return out;
}

export interface DisagreementDocument {
  documentId: number;
  documentName: string;
  text: string;
  coders: { name: string; color: string | null; present: boolean }[];
  units: { start: number; end: number; coded: boolean[]; disagreement: boolean }[];
  quotations: { id: number; coder: number; start: number; end: number }[];
}

/**
 * One document as the disagreement view shows it: every unit in order, which of the two coders
 * coded it with the code, whether that is a disagreement (both coders present in the document
 * and only one coded the unit), and each coder's quotations with the code, for their margin column.
 */
export function disagreementDocument(p: Project, o: { coders: string[]; code: string; unit: CompareUnit; documentId: number }): DisagreementDocument {
  const coders = coderIds(p, o.coders);
  const code = codeByPath(p, o.code);
  const d = documentOf(p, o.documentId);
  const units = unitsOf(p, o.documentId, d.text, o.unit);
  const links = linksOf(p, code, coders, o.documentId);
  const present = presentCoders(p, o.documentId).get(o.documentId) ?? new Set<number>();
  const bothPresent = coders.every((c) => present.has(c));
  const byUnit = linksByUnit(units, links);
  const color = p.db.prepare('SELECT color FROM coders WHERE id = ?').pluck();
  return {
    documentId: o.documentId,
    documentName: d.name,
    text: d.text,
    coders: coders.map((c, k) => ({ name: o.coders[k]!, color: (color.get(c) as string | null) ?? null, present: present.has(c) })),
    units: units.map((u, i) => {
      const ls = byUnit.get(i) ?? [];
      const coded = coders.map((c) => ls.some((l) => l.coder === c));
      return { start: u.start, end: u.end, coded, disagreement: bothPresent && coded[0] !== coded[1] };
    }),
    quotations: links.map((l) => ({ id: l.quotation, coder: coders.indexOf(l.coder), start: l.start, end: l.end })),
  };
}

/** Makes both coders' coding of the unit with the code the accepted version, as one undo step. */
export function settleDisagreement(
  p: Project,
  o: { coders: string[]; code: string; documentId: number; start: number; end: number; accept: SettleChoice },
): { removed: number; added: number } {
  const coders = coderIds(p, o.coders);
  const code = codeByPath(p, o.code);
  const overlapping = linksOf(p, code, coders, o.documentId).filter((l) => l.start < o.end && l.end > o.start);
  const of = (c: number): Link[] => overlapping.filter((l) => l.coder === c);
  const [a, b] = coders as [number, number];
  const keep: Record<SettleChoice, [Link[], Link[]]> = {
    first: [of(a), of(a)],
    second: [of(b), of(b)],
    both: [[...of(a), ...of(b)], [...of(a), ...of(b)]],
    neither: [[], []],
  };
  const wanted = keep[o.accept];
  const label = { first: o.coders[0], second: o.coders[1], both: `${o.coders[0]} + ${o.coders[1]}`, neither: '–' }[o.accept];
  return withUndo(p, { action: 'agreement.settle', text: `Settle "${o.code}" (${label})` }, () => {
    let removed = 0;
    let added = 0;
    coders.forEach((c, k) => {
      const target = wanted[k]!;
      const has = (l: { start: number; end: number }): boolean => of(c).some((x) => x.start === l.start && x.end === l.end);
      const wants = (l: { start: number; end: number }): boolean => target.some((x) => x.start === l.start && x.end === l.end);
      for (const l of of(c)) {
        if (wants(l)) continue;
        removed += p.db.prepare('DELETE FROM quotation_codes WHERE quotation_id = ? AND code_id = ?').run(l.quotation, code).changes;
        // A quotation of this coder left without codes goes too: it only carried this coding.
        p.db.prepare('DELETE FROM quotations WHERE id = ? AND coder_id = ? AND NOT EXISTS (SELECT 1 FROM quotation_codes WHERE quotation_id = ?)').run(l.quotation, c, l.quotation);
      }
      const seen = new Set<string>();
      for (const l of target) {
        const key = `${l.start}-${l.end}`;
        if (has(l) || seen.has(key)) continue;
        seen.add(key);
        const own = p.db.prepare('SELECT id FROM quotations WHERE document_id = ? AND start = ? AND "end" = ? AND coder_id = ? ORDER BY id LIMIT 1').pluck().get(o.documentId, l.start, l.end, c) as number | undefined;
        if (own === undefined) createQuotation(p, { documentId: o.documentId, start: l.start, end: l.end, codeIds: [code], coderId: c });
        else p.db.prepare('INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)').run(own, code, c, p.now());
        added++;
      }
    });
    return { removed, added };
  });
}
