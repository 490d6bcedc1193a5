/** Codebooks that ship with Rödtråd (shared/codebooks/*.json), loaded into a project's code tree. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors';
import { appRoot } from '../paths';
import type { Project } from '../project/project';
import { createCode } from '../coding/codes';

export interface CodebookNode {
  name: string;
  /** In Swedish in the bundled codebooks (the language of the codes); `definitionEn` beside it. */
  definition?: string;
  definitionEn?: string;
  inclusion?: string;
  exclusion?: string;
  color?: string;
  /** On a top-level code: show its second level as side-by-side columns in theme tables. */
  columns?: boolean;
  children?: CodebookNode[];
}

const Node: z.ZodType<CodebookNode> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    definition: z.string().optional(),
    definitionEn: z.string().optional(),
    inclusion: z.string().optional(),
    exclusion: z.string().optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    columns: z.boolean().optional(),
    children: z.array(Node).optional(),
  }),
);

export const BundledCodebook = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  descriptionEn: z.string().optional(),
  caption: z.string().optional(),
  codes: z.array(Node),
});
export type BundledCodebook = z.infer<typeof BundledCodebook>;

export const BUNDLED_CODEBOOKS = ['ifo-table1', 'handlingsplan'] as const;

export function readBundledCodebook(id: string): BundledCodebook {
  if (!/^[a-z0-9-]+$/.test(id)) throw new UserError('bad-input', `"${id}" is not a bundled codebook`);
  const file = path.join(appRoot(), 'shared', 'codebooks', `${id}.json`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('not-found', `no bundled codebook "${id}"`);
  }
  return BundledCodebook.parse(JSON.parse(raw));
}

/** The codebook's definitions in the UI's language: Swedish as written, English from `definitionEn`. */
export function inLanguage(nodes: CodebookNode[], lang: 'sv' | 'en'): CodebookNode[] {
  return nodes.map(({ definitionEn, children, ...n }) => ({
    ...n,
    ...(lang === 'en' && definitionEn ? { definition: definitionEn } : {}),
    ...(children ? { children: inLanguage(children, lang) } : {}),
  }));
}

/**
 * Adds the tree under the existing codes (in one transaction). Codes that already exist at the
 * same place are reused, so loading a codebook twice changes nothing. Returns the codes created.
 */
export function loadCodebookTree(p: Project, nodes: CodebookNode[]): number {
  let created = 0;
  const find = p.db.prepare('SELECT id FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?');
  const add = (node: CodebookNode, parentId: number | null): void => {
    const existing = find.get(parentId, node.name.trim().normalize('NFC')) as { id: number } | undefined;
    const id = existing?.id ?? createCode(p, { name: node.name, parentId, definition: node.definition ?? null, color: node.color });
    if (!existing) {
      created++;
      if (node.inclusion || node.exclusion) {
        p.db.prepare('UPDATE codes SET inclusion = ?, exclusion = ? WHERE id = ?').run(node.inclusion ?? null, node.exclusion ?? null, id);
      }
    }
    for (const c of node.children ?? []) add(c, id);
  };
  p.transaction(() => nodes.forEach((n) => add(n, null)));
  return created;
}

/** Codes in a tree, all levels. */
export function countNodes(nodes: CodebookNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.children ?? []), 0);
}
