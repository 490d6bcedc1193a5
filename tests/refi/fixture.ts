/** Shared pieces of the REFI-QDA tests: sessions driven through dispatch, samples by name, rows to compare. */
import path from 'node:path';
import type { MethodName, Params, Result } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { needReference } from '../helpers/reference';

export const SAMPLES = {
  atlasBlank: 'refi/samples/atlasti/blank-atlas-project.qdpx',
  atlasTarget: 'refi/samples/atlasti/target-atlas-project.qdpx',
  nvivoMac15: 'refi/samples/nvivo/nvivo_project.qdpx',
  oltas: 'refi/samples/nvivo/oltas.qdpx',
  oltas0517: 'refi/samples/nvivo/oltas0517.qdpx',
  oltasMac: 'refi/samples/nvivo/OltasSzkepticizmus_17June.qdpx',
  maxqda: 'refi/samples/maxqda/2025-06-16_ICLS_Conf_Themes_ALL_just10.zip',
  qc: 'refi/samples/qc-qualitative-coding/demo.qdpx',
  oltasTeszt: 'refi/samples/derived/oltas_teszt.qdpx',
  testProject: 'refi/samples/derived/TestProject.qdpx',
  generatedQde: 'refi/samples/derived/project_with_generated_codes.qde',
  taguette: 'refi/samples/taguette/codebook.qdc',
} as const;

export type SampleKey = keyof typeof SAMPLES;

export const sample = (key: SampleKey): ReturnType<typeof needReference> => needReference(SAMPLES[key]);

export interface Caller {
  session: Session;
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
}

export function caller(): Caller {
  const session = new Session('test');
  return { session, call: (m, params) => dispatch(session, m, params) };
}

let n = 0;
/** Imports a REFI file into a new project in dir; returns the report and the project, opened. */
export async function importInto(dir: string, file: string, options: { skipMissingSources?: boolean } = {}): Promise<{ report: Result<'refi.importProject'>; project: Project; target: string }> {
  const target = path.join(dir, `import-${++n}.rodtrad`);
  const report = await caller().call('refi.importProject', { source: { path: file }, target, skipMissingSources: options.skipMissingSources ?? false });
  return { report, project: Project.open(target), target };
}

/** The coded text of every quotation with its code paths, in document order (for comparing imports). */
export function quotationRows(p: Project): { document: string; start: number; end: number; text: string; codes: string[]; coder: string | null; comment: string | null; guid: string }[] {
  const paths = codePaths(p);
  const texts = new Map((p.db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[]).map((d) => [d.id, d.text]));
  const rows = p.db
    .prepare(
      `SELECT q.id, q.guid, d.id AS doc, d.name AS document, q.start, q."end" AS "end", q.comment, c.name AS coder
       FROM quotations q JOIN documents d ON d.id = q.document_id LEFT JOIN coders c ON c.id = q.coder_id ORDER BY d.name, q.start, q."end"`,
    )
    .all() as { id: number; guid: string; doc: number; document: string; start: number; end: number; comment: string | null; coder: string | null }[];
  const links = new Map<number, number[]>();
  for (const l of p.db.prepare('SELECT quotation_id, code_id FROM quotation_codes').all() as { quotation_id: number; code_id: number }[]) {
    links.set(l.quotation_id, [...(links.get(l.quotation_id) ?? []), l.code_id]);
  }
  return rows.map((r) => ({
    document: r.document,
    start: r.start,
    end: r.end,
    text: texts.get(r.doc)!.slice(r.start, r.end),
    codes: (links.get(r.id) ?? []).map((id) => paths.get(id)!).sort(),
    coder: r.coder,
    comment: r.comment,
    guid: r.guid,
  }));
}

export function codePaths(p: Project): Map<number, string> {
  const rows = p.db.prepare('SELECT id, parent_id, name FROM codes').all() as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (id: number): string => {
    const r = byId.get(id)!;
    return r.parent_id === null ? r.name : `${pathOf(r.parent_id)}/${r.name}`;
  };
  return new Map(rows.map((r) => [r.id, pathOf(r.id)]));
}

export const count = (p: Project, table: string): number => p.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
