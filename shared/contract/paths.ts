/**
 * Every parameter that names a file on the server is declared with one of these schemas, so
 * the core's path policy (electron/core/api/path-policy.ts) finds it by its schema rather than
 * by a list of methods that a new method could be missing from.
 *
 * - `ServerPath`: any file the caller names (CLI arguments, the desktop's own dialogs).
 *   Refused in browser mode, where the page uploads and downloads instead.
 * - `ProjectOpenPath` / `ProjectCreatePath`: a project file; in browser mode allowed only
 *   inside the browse root (the user's home) and resolved there.
 * - `BrowseDir`: a folder relative to the browse root (`host.browse`).
 * - `CodePath`: not a file at all but a code's place in the tree ("A/B/C").
 */
import { z } from 'zod';

export type PathKind = 'server' | 'project-open' | 'project-create' | 'browse' | 'code';

export const pathKinds = z.registry<{ pathKind: PathKind }>();

function marked<T extends z.ZodType>(schema: T, pathKind: PathKind): T {
  pathKinds.add(schema, { pathKind });
  return schema;
}

export const ServerPath = marked(z.string().min(1).max(4096), 'server');
export const ProjectOpenPath = marked(z.string().min(1).max(4096), 'project-open');
export const ProjectCreatePath = marked(z.string().min(1).max(4096), 'project-create');
export const BrowseDir = marked(z.string().max(4096), 'browse');
export const CodePath = marked(z.string().trim().min(1).max(10_000), 'code');

/** One string-valued field found in a params schema. */
export interface PathField {
  /** The field's name in its object. */
  key: string;
  /** Where it sits, e.g. "sources[].path" (for messages and tests). */
  at: string;
  /** Whether the field holds a string (possibly optional or in a union with other types). */
  string: boolean;
  kind: PathKind | undefined;
}

/**
 * The parts of zod's internal definition the walkers read. zod 4 keeps them on `_zod.def`;
 * typed loosely here because their shapes differ per schema type.
 */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/nullable/… wrappers (a registered schema stops the unwrapping). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (pathKinds.has(s)) return s;
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
}

function holdsString(schema: z.ZodType): boolean {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'string') return true;
  return d.type === 'union' && (d.options ?? []).some(holdsString);
}

/** Every field of every object reachable from a params schema, with its path kind if marked. */
export function pathFieldsOf(schema: z.ZodType): PathField[] {
  const found: PathField[] = [];
  const seen = new Set<z.ZodType>();
  const walk = (s0: z.ZodType, at: string): void => {
    // recursive schemas (a layout's children) come back as the same lazy schema, whose getter builds a new object each time
    if (seen.has(s0)) return;
    seen.add(s0);
    const s = unwrap(s0);
    const d = defOf(s);
    if (d.type === 'object') {
      for (const [key, field] of Object.entries(d.shape ?? {})) {
        const inner = unwrap(field);
        found.push({ key, at: at ? `${at}.${key}` : key, string: holdsString(field), kind: pathKinds.get(inner)?.pathKind });
        walk(field, at ? `${at}.${key}` : key);
      }
    } else if (d.type === 'array' && d.element) walk(d.element, `${at}[]`);
    else if (d.type === 'union') for (const o of d.options ?? []) walk(o, at);
    else if (d.type === 'record' && d.valueType) walk(d.valueType, `${at}{}`);
    else if (d.type === 'intersection') {
      for (const o of [d.left, d.right]) if (o) walk(o, at);
    }
    else if (d.type === 'tuple') for (const o of d.items ?? []) walk(o, `${at}[]`);
  };
  walk(schema, '');
  return found;
}
