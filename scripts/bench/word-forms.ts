/**
 * The search section's Swedish word-form figures (issue 13 §6): recall and precision on the
 * word-form list (tests/fixtures/sv-word-forms.json) with the lexicon and compounds and with
 * Snowball alone; the index build with the lexicon made ready against a Snowball-only build
 * in the same run; and the first Swedish query of a fresh process, with the compact lexicon
 * the build writes, with the lexicon parsed from the hunspell dictionary (as before the
 * compact form), and with Snowball alone (the reference).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { ensureIndex } from '../../electron/core/search/index-store';
import { dictionaryDir, forgetSwedishLexicon, swedishLexicon } from '../../electron/core/search/sv-lexicon';
import { measureWordForms, WORD_FORM_LIST } from '../../tests/helpers/word-forms';
import { round, summarize, tempDir, time, timeAsync } from './util';

type FirstQueryMode = 'snowball' | 'compact-lexicon' | 'dictionary-lexicon';
const FIRST_QUERY = 'samverkan';

export async function wordFormsBench(file: string): Promise<Record<string, unknown>> {
  const tmp = tempDir('word-forms');
  try {
    // builds alternate, so a busy machine's slow moment does not fall on one side only
    const snowballBuilds: number[] = [];
    const lexiconBuilds: number[] = [];
    let bytes = { snowball: 0, lexicon: 0 };
    for (let i = 0; i < 3; i++) {
      const s = await buildIndex(file, false);
      const l = await buildIndex(file, true);
      snowballBuilds.push(s.ms);
      lexiconBuilds.push(l.ms);
      bytes = { snowball: s.bytes, lexicon: l.bytes };
    }
    const withLexicon = await measureWordForms(tmp.dir, { compounds: true, lexicon: true });
    const snowballOnly = await measureWordForms(tmp.dir, { compounds: false, lexicon: false });
    const build = { lexicon: summarize(lexiconBuilds).p50, snowball: summarize(snowballBuilds).p50 };
    const first = firstQueries(file);
    return {
      list: { words: WORD_FORM_LIST.words.length, forms: WORD_FORM_LIST.words.reduce((n, w) => n + w.should.length + w.shouldNot.length, 0) },
      lexiconAndCompounds: score(withLexicon),
      snowballOnly: score(snowballOnly),
      targetMet: withLexicon.recall >= 0.95 && withLexicon.precision >= 0.95,
      indexBuild: {
        lexiconMs: round(build.lexicon, 0),
        snowballOnlyMs: round(build.snowball, 0),
        ratio: round(build.lexicon / build.snowball, 2),
        targetMet: build.lexicon <= 1.5 * build.snowball,
        lexiconBytes: bytes.lexicon,
        snowballOnlyBytes: bytes.snowball,
        sizeRatio: round(bytes.lexicon / bytes.snowball, 2),
      },
      firstSwedishQueryInFreshProcess: first,
      notes:
        'The lexicon and compounds work at query time over the same stored FTS5 index, so the lexicon build is the Snowball-only build plus loading the lexicon; its size is the same index. firstSwedishQueryInFreshProcess: a new process opens the project (index stored), loads its stored index with a query needing no lexicon (indexLoadBeforeMs), then times its first search.query for "samverkan" (lexicon load included; lexiconLoadMs is that load timed again on its own); compactLexicon reads the sorted dictionary the build writes to dist/, dictionaryLexicon parses the hunspell files as every process did before it, snowball is the reference (lexicon and compounds off).',
    };
  } finally {
    tmp.cleanup();
  }
}

const score = (m: { recall: number; precision: number; tp: number; fn: number; fp: number }) => ({ recall: round(m.recall), precision: round(m.precision), found: m.tp, missed: m.fn, wrong: m.fp });

/** One forced index build; with the lexicon, the lexicon is loaded too, as the first Swedish query would. */
async function buildIndex(file: string, lexicon: boolean): Promise<{ ms: number; bytes: number }> {
  forgetSwedishLexicon();
  const p = Project.open(file);
  try {
    const r = await timeAsync(async () => {
      const index = await ensureIndex(p, { inline: true, force: true });
      if (lexicon && !swedishLexicon()) throw new Error('the Swedish dictionary (dictionary-sv) is not installed');
      return index;
    });
    return { ms: r.ms, bytes: r.value.bytes };
  } finally {
    p.close();
  }
}

function firstQueries(file: string): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const modes: FirstQueryMode[] = ['snowball', 'compact-lexicon', 'dictionary-lexicon'];
  const times: Record<FirstQueryMode, number[]> = { snowball: [], 'compact-lexicon': [], 'dictionary-lexicon': [] };
  const loads: number[] = [];
  const lexiconLoads: Record<FirstQueryMode, number[]> = { snowball: [], 'compact-lexicon': [], 'dictionary-lexicon': [] };
  for (let i = 0; i < 3; i++) {
    for (const mode of modes) {
      const child = spawnSync(process.execPath, [self, '--first-query', file, mode], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const r = JSON.parse(child.stdout.trim().split('\n').at(-1) || 'null') as { loadMs: number; firstMs: number; lexiconLoadMs: number } | null;
      if (!r) throw new Error(`the first-query process (${mode}) printed no time`);
      times[mode].push(r.firstMs);
      lexiconLoads[mode].push(r.lexiconLoadMs);
      loads.push(r.loadMs);
    }
  }
  const p50 = (m: FirstQueryMode) => summarize(times[m]).p50;
  return {
    query: FIRST_QUERY,
    snowballMs: round(p50('snowball'), 0),
    compactLexiconMs: round(p50('compact-lexicon'), 0),
    dictionaryLexiconMs: round(p50('dictionary-lexicon'), 0),
    compactRatioToSnowball: round(p50('compact-lexicon') / p50('snowball'), 2),
    dictionaryRatioToSnowball: round(p50('dictionary-lexicon') / p50('snowball'), 2),
    indexLoadBeforeMs: round(summarize(loads).p50, 0),
    lexiconLoadMs: { compact: round(summarize(lexiconLoads['compact-lexicon']).p50, 0), dictionary: round(summarize(lexiconLoads['dictionary-lexicon']).p50, 0) },
    runs: 3,
  };
}

/**
 * In the child process: open the project, load its stored index with a query that needs no
 * lexicon, then time the first Swedish query. Prints the two times as JSON.
 */
export async function firstQueryChild(file: string, mode: FirstQueryMode): Promise<void> {
  const dictionary = dictionaryDir();
  if (mode === 'dictionary-lexicon' && dictionary) process.env.RODTRAD_SV_DICTIONARY = dictionary;
  const s = new Session('test');
  s.openProject(file);
  const load = await timeAsync(() => dispatch(s, 'search.query', { query: '"och det"', limit: 1, lexicon: false, compounds: false }));
  const lexicon = mode !== 'snowball';
  const first = await timeAsync(() => dispatch(s, 'search.query', { query: FIRST_QUERY, limit: 200, lexicon, compounds: lexicon }));
  s.closeProject();
  // the lexicon's part of that first query: loading it once more, on its own
  forgetSwedishLexicon();
  const lexiconLoad = lexicon ? time(() => swedishLexicon()).ms : 0;
  process.stdout.write(`${JSON.stringify({ loadMs: load.ms, firstMs: first.ms, lexiconLoadMs: lexiconLoad })}\n`);
}

export const isFirstQueryMode = (m: string | undefined): m is FirstQueryMode => m === 'snowball' || m === 'compact-lexicon' || m === 'dictionary-lexicon';
