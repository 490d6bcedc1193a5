/**
 * Theme-table layouts: saved in the project's `layouts` table (kind 'theme-table', JSON spec
 * checked with zod on the way in and out), bundled with a codebook (Table 1), or the plain
 * code tree when nothing else is chosen.
 */
import { ThemeTableLayout } from '../../../shared/contract/tables';
import type { LayoutInfo, LayoutSection } from '../../../shared/contract/tables';
import { BUNDLED_CODEBOOKS, readBundledCodebook } from '../codebooks/bundled';
import { joinCodePath } from '../coding/codes';
import { UserError } from '../errors';
import type { Project } from '../project/project';

export const THEME_TABLE_KIND = 'theme-table';
export const TREE_LAYOUT = 'tree';

interface LayoutRow {
  name: string;
  spec: string;
  modified_at: string;
}

function topLevelNames(p: Project): Set<string> {
  return new Set(p.db.prepare('SELECT name FROM codes WHERE parent_id IS NULL').pluck().all() as string[]);
}

/** Every top-level code as a section with bullets. */
export function treeLayout(p: Project): LayoutInfo {
  const names = p.db.prepare('SELECT name FROM codes WHERE parent_id IS NULL ORDER BY position, id').pluck().all() as string[];
  const spec = ThemeTableLayout.parse({ caption: '', sections: names.map((n) => ({ path: joinCodePath([n]), columns: false })) });
  return { name: TREE_LAYOUT, source: 'tree', spec, modifiedAt: null };
}

/** Layouts of bundled codebooks whose top-level codes the project has (e.g. Table 1 after loading its codebook). */
export function bundledLayouts(p: Project): LayoutInfo[] {
  const have = topLevelNames(p);
  const out: LayoutInfo[] = [];
  for (const id of BUNDLED_CODEBOOKS) {
    const book = readBundledCodebook(id);
    if (!book.caption || !book.codes.every((c) => have.has(c.name.trim()))) continue;
    const sections: LayoutSection[] = book.codes.map((c) => ({ path: joinCodePath([c.name.trim()]), columns: c.columns === true }));
    out.push({ name: id, source: 'bundled', spec: ThemeTableLayout.parse({ caption: book.caption, sections }), modifiedAt: null });
  }
  return out;
}

function parseStored(row: LayoutRow): LayoutInfo {
  let json: unknown;
  try {
    json = JSON.parse(row.spec);
  } catch {
    throw new UserError('bad-data', `the saved theme-table layout "${row.name}" is not valid JSON`, undefined, `den sparade tematabellayouten ”${row.name}” är inte giltig JSON`);
  }
  const spec = ThemeTableLayout.safeParse(json);
  if (!spec.success) {
    const why = spec.error.issues[0]?.message ?? '';
    throw new UserError('bad-data', `the saved theme-table layout "${row.name}" is damaged: ${why}`, undefined, `den sparade tematabellayouten ”${row.name}” är skadad: ${why}`);
  }
  return { name: row.name, source: 'project', spec: spec.data, modifiedAt: row.modified_at };
}

export function listLayouts(p: Project): LayoutInfo[] {
  const rows = p.db.prepare('SELECT name, spec, modified_at FROM layouts WHERE kind = ? ORDER BY name').all(THEME_TABLE_KIND) as LayoutRow[];
  const saved = rows.map(parseStored);
  const names = new Set(saved.map((s) => s.name));
  return [...saved, ...bundledLayouts(p).filter((b) => !names.has(b.name)), treeLayout(p)];
}

/** Finds a layout by exact name, then case-insensitively, then by a unique prefix or its caption. */
export function findLayout(p: Project, name: string): LayoutInfo {
  const all = listLayouts(p);
  const lower = name.toLowerCase();
  const hit =
    all.find((l) => l.name === name) ??
    all.find((l) => l.name.toLowerCase() === lower) ??
    all.find((l) => l.spec.caption.toLowerCase() === lower) ??
    (() => {
      const pre = all.filter((l) => l.name.toLowerCase().startsWith(lower) || l.spec.caption.toLowerCase().startsWith(lower));
      return pre.length === 1 ? pre[0] : undefined;
    })();
  if (!hit) {
    const have = all.map((l) => l.name).join(', ');
    throw new UserError('not-found', `no theme-table layout "${name}" (have: ${have})`, undefined, `det finns ingen tematabellayout ”${name}” (finns: ${have})`);
  }
  return hit;
}

/** Saves (or replaces) one row of the `layouts` table; returns when it was saved. */
export function putLayoutRow(p: Project, kind: string, name: string, spec: unknown): string {
  const now = p.now();
  p.transaction(() => {
    p.db
      .prepare(
        `INSERT INTO layouts(guid, kind, name, spec, modified_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(kind, name) DO UPDATE SET spec = excluded.spec, modified_at = excluded.modified_at`,
      )
      .run(p.guid(), kind, name, JSON.stringify(spec), now);
  });
  return now;
}

/** The JSON text of one row of the `layouts` table, if there is one. */
export function layoutRowSpec(p: Project, kind: string, name: string): string | undefined {
  return p.db.prepare('SELECT spec FROM layouts WHERE kind = ? AND name = ?').pluck().get(kind, name) as string | undefined;
}

export function saveLayout(p: Project, name: string, spec: unknown): LayoutInfo {
  const parsed = ThemeTableLayout.parse(spec);
  const modifiedAt = putLayoutRow(p, THEME_TABLE_KIND, name, parsed);
  return { name, source: 'project', spec: parsed, modifiedAt };
}

export function deleteLayout(p: Project, name: string): boolean {
  return p.transaction(() => p.db.prepare('DELETE FROM layouts WHERE kind = ? AND name = ?').run(THEME_TABLE_KIND, name).changes > 0);
}
