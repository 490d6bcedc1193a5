/**
 * The theme-table editor's model: every code of the tree, with "shown" ticks and the user's
 * order, built from a saved layout and turned back into a layout spec. Pure functions.
 */
import type { Code } from '../../../shared/contract';
import type { LayoutItem, ThemeTableLayout, ThemeTableLayoutInput } from '../../../shared/contract/tables';

export interface EditorItem {
  path: string;
  name: string;
  shown: boolean;
  children: EditorItem[];
}

export interface EditorSection extends EditorItem {
  columns: boolean;
}

export interface EditorModel {
  caption: string;
  sections: EditorSection[];
}

interface Node {
  code: Code;
  children: Node[];
}

function treeOf(codes: Code[]): Node[] {
  const byId = new Map<number, Node>(codes.map((c) => [c.id, { code: c, children: [] }]));
  const roots: Node[] = [];
  for (const c of codes) {
    const n = byId.get(c.id)!;
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** Orders nodes as the layout lists them (unlisted ones after, hidden); all shown when the layout leaves them open. */
function merge(nodes: Node[], items: LayoutItem[] | undefined): EditorItem[] {
  if (items === undefined) return nodes.map((n) => ({ path: n.code.path, name: n.code.name, shown: true, children: merge(n.children, undefined) }));
  const byPath = new Map(nodes.map((n) => [n.code.path, n]));
  const out: EditorItem[] = [];
  const used = new Set<string>();
  for (const it of items) {
    const n = byPath.get(it.path);
    if (!n) continue;
    used.add(it.path);
    out.push({ path: n.code.path, name: n.code.name, shown: true, children: merge(n.children, it.children) });
  }
  for (const n of nodes) {
    if (!used.has(n.code.path)) out.push({ path: n.code.path, name: n.code.name, shown: false, children: merge(n.children, []) });
  }
  return out;
}

export function modelFromLayout(codes: Code[], layout: ThemeTableLayout): EditorModel {
  const roots = treeOf(codes);
  const byPath = new Map(roots.map((n) => [n.code.path, n]));
  const sections: EditorSection[] = [];
  const used = new Set<string>();
  for (const s of layout.sections) {
    const n = byPath.get(s.path);
    if (!n) continue;
    used.add(s.path);
    sections.push({ path: n.code.path, name: n.code.name, shown: true, columns: s.columns, children: merge(n.children, s.items) });
  }
  for (const n of roots) {
    if (!used.has(n.code.path)) sections.push({ path: n.code.path, name: n.code.name, shown: false, columns: false, children: merge(n.children, undefined) });
  }
  return { caption: layout.caption, sections };
}

function itemsOf(items: EditorItem[]): LayoutItem[] {
  return items.filter((i) => i.shown).map((i) => ({ path: i.path, children: itemsOf(i.children) }));
}

export function layoutFromModel(m: EditorModel, options?: ThemeTableLayoutInput['options']): ThemeTableLayoutInput {
  return {
    caption: m.caption,
    sections: m.sections.filter((s) => s.shown).map((s) => ({ path: s.path, columns: s.columns, items: itemsOf(s.children) })),
    ...(options ? { options } : {}),
  };
}

/** Applies fn to the item at `path` (a list of indexes from the section down). */
export function updateAt(m: EditorModel, at: number[], fn: (item: EditorItem, siblings: EditorItem[], index: number) => void): EditorModel {
  const next: EditorModel = structuredClone(m);
  let siblings: EditorItem[] = next.sections;
  for (let d = 0; d < at.length - 1; d++) siblings = siblings[at[d]!]!.children;
  const i = at[at.length - 1]!;
  fn(siblings[i]!, siblings, i);
  return next;
}

export function move(m: EditorModel, at: number[], delta: -1 | 1): EditorModel {
  return updateAt(m, at, (_item, siblings, i) => {
    const j = i + delta;
    if (j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
  });
}
