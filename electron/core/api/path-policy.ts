/**
 * Which files a caller may name, by host. The page in browser mode holds only a token, so it
 * must not reach the disk at will: every `ServerPath` parameter is refused there (files come
 * in as uploads and go out as downloads), and project files are resolved inside the browse
 * root. The desktop page may name only files its native dialogs returned (host.pickFile), so
 * a page that runs someone else's script still cannot pick its own target; the CLI takes
 * paths from its command line.
 *
 * Parameters are found by their schema (shared/contract/paths.ts), not by method name, so a
 * new method that takes a path is covered as soon as its contract uses `ServerPath`.
 */
import type { z } from 'zod';
import { defOf, pathKinds, unwrap, type PathKind } from '../../../shared/contract/paths';
import { UserError } from '../errors';
import { projectToCreate, projectToOpen } from './browse-root';
import type { Session } from './session';

type Visit = (kind: PathKind, value: string, at: string, replace: (v: string) => void) => void;

/** Calls `visit` for every marked path field present in `value`, walking it with its schema. */
function walk(schema: z.ZodType, value: unknown, at: string, visit: Visit): void {
  if (value === undefined || value === null) return;
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      const v = obj[key];
      if (v === undefined) continue;
      const kind = pathKinds.get(unwrap(field))?.pathKind;
      const here = at ? `${at}.${key}` : key;
      if (kind && typeof v === 'string') visit(kind, v, here, (nv) => (obj[key] = nv));
      else walk(field, v, here, visit);
    }
  } else if (d.type === 'array' && d.element && Array.isArray(value)) {
    value.forEach((v, i) => walk(d.element as z.ZodType, v, `${at}[${i}]`, visit));
  } else if (d.type === 'union') {
    // every option is walked: a path field declared in any of them counts, whichever matched
    for (const o of d.options ?? []) walk(o, value, at, visit);
  } else if (d.type === 'record' && d.valueType && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(d.valueType, v, `${at}.${k}`, visit);
  } else if (d.type === 'intersection') {
    for (const o of [d.left, d.right]) if (o) walk(o, value, at, visit);
  }
}

/**
 * Refuses or rewrites the path parameters of one call, in place on the parsed params.
 * Throws a UserError before the handler runs, so a refused call touches nothing.
 */
export function applyPathPolicy(session: Session, method: string, schema: z.ZodType, params: unknown): void {
  if (session.host === 'desktop') return desktopPolicy(session, method, schema, params);
  if (session.host !== 'browser') return;
  walk(schema, params, '', (kind, value, at, replace) => {
    if (kind === 'server') {
      throw new UserError(
        'server-path',
        `${method}: ${at}: in browser mode the page cannot name files on the server; upload the file, or leave the path out to get a download`,
        undefined,
        `${method}: ${at}: i webbläsarläget kan sidan inte ange filer på servern; ladda upp filen, eller utelämna sökvägen för att få en nedladdning`,
      );
    }
    if (kind === 'project-open') replace(projectToOpen(session.browseRoot, value));
    if (kind === 'project-create') replace(projectToCreate(session.browseRoot, value));
    // 'browse' is resolved by host.browse itself on every host; 'code' is not a file
  });
}

function desktopPolicy(session: Session, method: string, schema: z.ZodType, params: unknown): void {
  walk(schema, params, '', (kind, value, at) => {
    if (kind === 'browse' || kind === 'code' || session.wasPicked(value)) return;
    throw new UserError(
      'unpicked-path',
      `${method}: ${at}: the desktop app takes files only from its own file dialog`,
      undefined,
      `${method}: ${at}: skrivbordsappen tar bara filer från sin egen fildialog`,
    );
  });
}
