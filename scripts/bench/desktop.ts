/**
 * Desktop figures: a call as the window makes it, through the main process's CoreClient to the
 * core process (dist/core-process.mjs under child_process.fork; the app uses Electron's
 * utilityProcess with the same protocol), against `dispatch` in this process on the same
 * project in the same run. Ratios are the price of keeping the database off the main process.
 */
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { appRoot } from '../../electron/core/paths';
import { Project } from '../../electron/core/project/project';
import { CoreClient } from '../../electron/desktop/core-client';
import { forkCore } from '../../electron/desktop/core-fork';
import { CORE_PROCESS_FILE } from '../../electron/desktop/core-protocol';
import { mulberry32, round, summarize, tempDir, timeAsync } from './util';

const SAMPLES = 400;
const WARMUP = 50;
const DOCUMENTS = 20;
const QUOTATIONS = 2_000;

function buildProject(file: string): number {
  const p = Project.create(file, { name: 'Skrivbordsmätning' });
  const rnd = mulberry32(5);
  const words = 'samverkan sekretess arbetsbelastningen socialsekreterarna ärendet klienten mötet chefen'.split(' ');
  let firstDocument = 0;
  p.transaction(() => {
    const docs = Array.from({ length: DOCUMENTS }, (_, d) => insertDocument(p, { name: `Intervju ${d + 1}`, kind: 'interview', text: Array.from({ length: 4_000 }, () => words[Math.floor(rnd() * words.length)]).join(' ') }));
    const codes = Array.from({ length: 30 }, (_, c) => createCode(p, { name: `Kod ${c + 1}` }));
    for (let i = 0; i < QUOTATIONS; i++) {
      const start = Math.floor(rnd() * 20_000);
      createQuotation(p, { documentId: docs[i % DOCUMENTS]!, start, end: start + 40 + Math.floor(rnd() * 200), codeIds: [codes[i % codes.length]!] });
    }
    firstDocument = docs[0]!;
  });
  p.close();
  return firstDocument;
}

/** Both ways sample by sample, alternating, so machine load falls on both alike. */
async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) await Promise.all([a(), b()]);
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    sa.push((await timeAsync(a)).ms);
    sb.push((await timeAsync(b)).ms);
  }
  return [sa, sb];
}

export async function desktopBench(): Promise<Record<string, unknown>> {
  const tmp = tempDir('desktop');
  const file = path.join(tmp.dir, 'desktop.rodtrad');
  const documentId = buildProject(file);
  const session = new Session('desktop');
  session.openProject(file);
  const startup = await timeAsync(async () => {
    const client = new CoreClient({ spawn: () => forkCore(path.join(appRoot(), 'dist', CORE_PROCESS_FILE)), onEvent: () => undefined });
    await client.open(file);
    return client;
  });
  const client = startup.value;
  try {
    const calls = {
      projectInfo: ['project.info', {}],
      quotationsOfDocument: ['quotations.list', { documentId, limit: 50 }],
    } as const;
    const figures: Record<string, unknown> = {};
    for (const [name, [method, params]] of Object.entries(calls)) {
      const [directSamples, offMainSamples] = await measurePair(
        () => dispatch(session, method, params),
        () => client.call(method, params),
      );
      const direct = summarize(directSamples);
      const offMain = summarize(offMainSamples);
      figures[name] = {
        directMs: direct,
        coreProcessMs: offMain,
        ratio: { p50: round(offMain.p50 / direct.p50, 2), p95: round(offMain.p95 / direct.p95, 2) },
      };
    }
    return {
      reference: 'dispatch in the calling process on the same project',
      samples: SAMPLES,
      quotations: QUOTATIONS,
      ...figures,
      coreProcessStartAndOpenMs: round(startup.ms, 1),
    };
  } finally {
    await client.shutdown();
    session.dispose();
    tmp.cleanup();
  }
}
