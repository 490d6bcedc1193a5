/**
 * Codebooks as files: CSV (a path column and/or level columns, then definition, inclusion,
 * exclusion, colour) and indented plain text (one code per line, a tab or two spaces per
 * level, the definition after " | " or " — "). Parsing gives CodebookNode trees; writing
 * reads the project's code tree. Both round-trip.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type PapaNs from 'papaparse';
import { lazyRequire } from '../lazy-require';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { joinCodePath, splitCodePath } from '../coding/codes';
import type { CodebookNode } from './bundled';

const papa = lazyRequire<typeof PapaNs>('papaparse');

export type CodebookFormat = 'csv' | 'txt';

interface Flat {
  names: string[];
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  color?: string;
}

/** Builds a tree from rows that each give a full path; parents named only as prefixes are created. */
function treeFromFlat(rows: Flat[]): CodebookNode[] {
  const roots: CodebookNode[] = [];
  const index = new Map<string, CodebookNode>();
  for (const r of rows) {
    let siblings = roots;
    let key = '';
    r.names.forEach((name, depth) => {
      key += `\u0000${name}`;
      let node = index.get(key);
      if (!node) {
        node = { name };
        index.set(key, node);
        siblings.push(node);
      }
      if (depth === r.names.length - 1) {
        if (r.definition) node.definition = r.definition;
        if (r.inclusion) node.inclusion = r.inclusion;
        if (r.exclusion) node.exclusion = r.exclusion;
        if (r.color && /^#[0-9a-fA-F]{6}$/.test(r.color)) node.color = r.color;
      }
      siblings = node.children ??= [];
    });
  }
  const prune = (nodes: CodebookNode[]): void =>
    nodes.forEach((n) => {
      if (n.children && n.children.length === 0) delete n.children;
      else if (n.children) prune(n.children);
    });
  prune(roots);
  return roots;
}

const HEADER_ALIASES: Record<string, string[]> = {
  path: ['path', 'code path', 'code', 'kod', 'sökväg', 'kodsökväg', 'name', 'namn'],
  definition: ['definition', 'description', 'beskrivning', 'memo'],
  inclusion: ['inclusion', 'inklusion', 'include', 'ta med'],
  exclusion: ['exclusion', 'exklusion', 'exclude', 'ta inte med'],
  color: ['color', 'colour', 'färg'],
};
const LEVEL = /^(?:level|nivå|niva)\s*(\d+)$/i;

export function parseCsvCodebook(text: string, file = 'codebook'): CodebookNode[] {
  const parsed = papa().parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const data = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  if (data.length === 0) throw new UserError('bad-input', 'the codebook is empty', file, 'kodboken är tom');
  const head = data[0]!.map((h) => h.toLowerCase());
  const find = (key: string): number => head.findIndex((h) => HEADER_ALIASES[key]!.includes(h));
  const levels = head.map((h, i) => [i, LEVEL.exec(h)?.[1]] as const).filter(([, n]) => n !== undefined).sort((a, b) => Number(a[1]) - Number(b[1])).map(([i]) => i);
  let pathCol = find('path');
  const hasHeader = pathCol >= 0 || levels.length > 0;
  if (!hasHeader) pathCol = 0;
  const col = (key: string, fallback: number): number => (hasHeader ? find(key) : fallback);
  const defCol = col('definition', 1);
  const incCol = col('inclusion', -1);
  const excCol = col('exclusion', -1);
  const colorCol = col('color', -1);
  const rows: Flat[] = [];
  data.slice(hasHeader ? 1 : 0).forEach((r, i) => {
    const cell = (c: number): string | undefined => (c >= 0 && r[c] ? r[c] : undefined);
    // Level columns win: they need no escaping of "/" inside names.
    const fromLevels = levels.map((c) => r[c] ?? '').filter((s) => s.length > 0);
    const names = fromLevels.length > 0 ? fromLevels : pathCol >= 0 && r[pathCol] ? splitCodePath(r[pathCol]!) : [];
    if (names.length === 0) {
      if (r.some((c) => c.length > 0)) throw new UserError('bad-input', `line ${i + (hasHeader ? 2 : 1)} names no code`, file, `rad ${i + (hasHeader ? 2 : 1)} namnger ingen kod`);
      return;
    }
    rows.push({ names, definition: cell(defCol), inclusion: cell(incCol), exclusion: cell(excCol), color: cell(colorCol) });
  });
  return treeFromFlat(rows);
}

/**
 * Separators between a code's name and its definition on a line of indented text: " | ",
 * else " — " (em dash). Not the en dash, which code names use ("… – tillitsskapande").
 */
function splitDefinition(body: string): { name: string; definition?: string } {
  for (const sep of [' | ', ' — ']) {
    const at = body.indexOf(sep);
    if (at > 0) return { name: body.slice(0, at).trim(), definition: body.slice(at + sep.length).trim() || undefined };
  }
  return { name: body.trim() };
}

export function parseTextCodebook(text: string, file = 'codebook'): CodebookNode[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const content = lines.map((l, i) => ({ l: l.replace(/\s+$/u, ''), n: i + 1 })).filter(({ l }) => l.trim().length > 0 && !l.trimStart().startsWith('#'));
  // The indentation unit is a tab, or the smallest indentation in spaces (normally two).
  const spaceIndents = content.map(({ l }) => /^( *)/.exec(l)![1]!.length).filter((n) => n > 0);
  const unit = spaceIndents.length ? Math.min(...spaceIndents) : 2;
  const rows: Flat[] = [];
  const stack: string[] = [];
  for (const { l, n } of content) {
    const lead = /^[\t ]*/.exec(l)![0];
    const depth = [...lead].reduce((d, c) => d + (c === '\t' ? unit : 1), 0) / unit;
    if (!Number.isInteger(depth)) throw new UserError('bad-input', `line ${n}: the indentation is not a whole number of levels`, file, `rad ${n}: indraget är inte ett helt antal nivåer`);
    if (depth > stack.length) throw new UserError('bad-input', `line ${n}: indented more than one level below the line before`, file, `rad ${n}: indragen mer än en nivå under raden före`);
    const body = l.slice(lead.length);
    const { name, definition } = splitDefinition(body);
    stack.length = depth;
    stack.push(name);
    rows.push({ names: [...stack], definition });
  }
  if (rows.length === 0) throw new UserError('bad-input', 'the codebook is empty', file, 'kodboken är tom');
  return treeFromFlat(rows);
}

export function parseCodebook(content: string, format: CodebookFormat, file?: string): CodebookNode[] {
  return format === 'csv' ? parseCsvCodebook(content, file) : parseTextCodebook(content, file);
}

export function formatOfPath(file: string): CodebookFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.txt' || ext === '.md' || ext === '') return 'txt';
  throw new UserError('bad-input', `unknown codebook format "${ext}" (use .csv or .txt)`, file, `okänt kodboksformat ”${ext}” (använd .csv eller .txt)`);
}

export function readCodebookFile(file: string): CodebookNode[] {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError('not-found', `cannot read the codebook: ${why}`, abs, `kodboken kan inte läsas: ${why}`);
  }
  return parseCodebook(text, formatOfPath(abs), abs);
}

interface CodeRow {
  id: number;
  parent_id: number | null;
  name: string;
  definition: string | null;
  inclusion: string | null;
  exclusion: string | null;
  color: string;
}

/** The project's codes depth-first in sibling order, with their path segments. */
function orderedCodes(p: Project): { row: CodeRow; names: string[] }[] {
  const rows = p.db.prepare('SELECT id, parent_id, name, definition, inclusion, exclusion, color FROM codes ORDER BY position, id').all() as CodeRow[];
  const children = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r);
    else children.set(r.parent_id, [r]);
  }
  const out: { row: CodeRow; names: string[] }[] = [];
  const visit = (r: CodeRow, parent: string[]): void => {
    const names = [...parent, r.name];
    out.push({ row: r, names });
    for (const c of children.get(r.id) ?? []) visit(c, names);
  };
  for (const r of children.get(null) ?? []) visit(r, []);
  return out;
}

export function codebookCsv(p: Project): { content: string; codes: number } {
  const codes = orderedCodes(p);
  const depth = Math.max(1, ...codes.map((c) => c.names.length));
  const header = ['Path', ...Array.from({ length: depth }, (_, i) => `Level ${i + 1}`), 'Definition', 'Inclusion', 'Exclusion', 'Color'];
  const rows = codes.map(({ row, names }) => [
    joinCodePath(names),
    ...Array.from({ length: depth }, (_, i) => names[i] ?? ''),
    row.definition ?? '',
    row.inclusion ?? '',
    row.exclusion ?? '',
    row.color,
  ]);
  return { content: `\uFEFF${papa().unparse([header, ...rows], { newline: '\r\n' })}\r\n`, codes: codes.length };
}

export function codebookText(p: Project): { content: string; codes: number } {
  const codes = orderedCodes(p);
  // Line breaks inside a definition would break the one-code-per-line format.
  const flat = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();
  const lines = codes.map(({ row, names }) => `${'  '.repeat(names.length - 1)}${row.name}${row.definition ? ` | ${flat(row.definition)}` : ''}`);
  return { content: `${lines.join('\n')}\n`, codes: codes.length };
}
