/**
 * The "följeforskning scale" project every benchmark section shares: 144 group interviews of
 * ~11,000 words (scripts/make-corpus.mjs, deterministic) with termin/stadsdel/grupp attributes,
 * the Table 1 codebook plus the action-plan areas, and 20,000 coded quotations on speaker turns
 * — times the run's scale (`--scale 10`: 1,440 interviews, 200,000 quotations).
 * Built once per run and scale: the parent process names a folder (RODTRAD_BENCH_DIR) where
 * the first section to need it builds it and the later sections find it; sections that
 * write must work on a copy (copyBenchProject).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { normalizeText } from '../../shared/text/normalize';
import { setDocumentAttribute } from '../../electron/core/attributes/store';
import { loadCodebookTree, readBundledCodebook } from '../../electron/core/codebooks/bundled';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { documentFinder, insertDocument } from '../../electron/core/documents/store';
import { parseTranscript } from '../../electron/core/import/transcript';
import { Project } from '../../electron/core/project/project';
import { makeCorpus } from '../make-corpus.mjs';
import { mulberry32, round, tempDir, time } from './util';

export interface BenchProject {
  file: string;
  /** Folder of the generated .txt transcripts and attributes.csv. */
  textsDir: string;
  documentIds: number[];
  codeIds: number[];
  buildMs: number;
}

const BASE_INTERVIEWS = 144;
const BASE_QUOTATIONS = 20_000;
const ACTION_PLAN_AREAS = 13;

/** The scale this section measures at (1: the 144-interview corpus). */
export function benchScale(): number {
  const n = Number(process.env.RODTRAD_BENCH_SCALE ?? 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
export const benchInterviews = (scale = benchScale()): number => Math.round(BASE_INTERVIEWS * scale);
export const benchQuotations = (scale = benchScale()): number => Math.round(BASE_QUOTATIONS * scale);
export const BENCH_QUOTATIONS = benchQuotations();

let cached: Promise<BenchProject> | undefined;
const own = tempDir('corpus');
process.on('exit', () => own.cleanup());
/** Where the built project and texts live: shared by the run's sections when the parent names a folder. */
const sharedDir = (): string => process.env.RODTRAD_BENCH_DIR ?? own.dir;

export function benchProject(): Promise<BenchProject> {
  cached ??= build();
  return cached;
}

/** A private copy of the shared project for sections that write to it. */
export async function copyBenchProject(name: string): Promise<string> {
  const { file } = await benchProject();
  const copy = path.join(own.dir, `${name}.rodtrad`);
  copyFileSync(file, copy);
  return copy;
}

async function build(): Promise<BenchProject> {
  const scale = benchScale();
  const base = path.join(sharedDir(), `scale-${scale}`);
  const textsDir = path.join(base, 'texts');
  const file = path.join(base, 'foljeforskning.rodtrad');
  const manifest = path.join(base, 'project.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as BenchProject;
  rmSync(base, { recursive: true, force: true });
  const made = time(() => makeCorpus(textsDir, { interviews: benchInterviews(scale), words: 11_000 }));
  const built = time(() => buildCorpusProject(textsDir, file, { name: 'Följeforskning (bench)', quotations: benchQuotations(scale) }));
  const { documentIds, codeIds, words } = built.value;
  process.stderr.write(`bench corpus ×${scale}: ${documentIds.length} interviews, ~${round(words / 1e6, 2)} M words, generated in ${round(made.ms / 1000, 1)} s, project built in ${round(built.ms / 1000, 1)} s\n`);
  const project: BenchProject = { file, textsDir, documentIds, codeIds, buildMs: round(built.ms) };
  // written last and renamed into place: a section that died mid-build leaves no manifest
  writeFileSync(`${manifest}.tmp`, JSON.stringify(project));
  renameSync(`${manifest}.tmp`, manifest);
  return project;
}

/**
 * A project from make-corpus transcripts: documents with turns and speakers, the attributes,
 * the Table 1 codebook plus the action-plan areas, and `quotations` coded quotations on
 * speaker turns (seeded). Also used by the teams tests with a smaller corpus.
 */
export function buildCorpusProject(
  textsDir: string,
  file: string,
  options: { name: string; quotations: number },
): { documentIds: number[]; codeIds: number[]; words: number } {
  const p = Project.create(file, { name: options.name });
  const documentIds: number[] = [];
  const codeIds: number[] = [];
  for (const f of readdirSync(textsDir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = normalizeText(readFileSync(path.join(textsDir, f), 'utf8'));
    const parsed = parseTranscript(text);
    documentIds.push(
      insertDocument(p, { name: f.replace(/\.txt$/, ''), kind: 'interview', text, sourceName: f, language: 'sv', turns: parsed.turns, speakers: parsed.speakers }),
    );
  }
  p.transaction(() => {
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path.join(textsDir, 'attributes.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const findDocument = documentFinder(p);
    for (const row of rows) {
      const doc = findDocument(row[0] ?? '');
      if (doc === undefined) continue;
      header!.slice(1).forEach((name, i) => row[i + 1] && setDocumentAttribute(p, doc, name, row[i + 1]!));
    }
    loadCodebookTree(p, readBundledCodebook('ifo-table1').codes);
    const plan = createCode(p, { name: 'Handlingsplan' });
    for (let i = 1; i <= ACTION_PLAN_AREAS; i++) createCode(p, { name: `Område ${i}`, parentId: plan });
    codeIds.push(...(p.db.prepare('SELECT id FROM codes WHERE id NOT IN (SELECT parent_id FROM codes WHERE parent_id IS NOT NULL)').pluck().all() as number[]));

    const turns = p.db.prepare('SELECT document_id AS doc, start, "end" FROM turns WHERE speaker_id IS NOT NULL ORDER BY id').all() as { doc: number; start: number; end: number }[];
    const rnd = mulberry32(2016);
    for (let i = 0; i < options.quotations; i++) {
      const t = turns[Math.floor(rnd() * turns.length)]!;
      const len = t.end - t.start;
      const start = t.start + Math.floor(rnd() * Math.max(1, len / 2));
      const end = Math.min(t.end, start + 40 + Math.floor(rnd() * 400));
      if (end <= start) continue;
      const codes = new Set([codeIds[Math.floor(rnd() * codeIds.length)]!, ...(rnd() < 0.4 ? [codeIds[Math.floor(rnd() * codeIds.length)]!] : [])]);
      createQuotation(p, { documentId: t.doc, start, end, codeIds: [...codes] });
    }
  });
  const words = (p.db.prepare('SELECT sum(length(text) - length(replace(text, \' \', \'\')) + 1) FROM documents').pluck().get() as number) ?? 0;
  p.close();
  return { documentIds, codeIds, words };
}
