/**
 * Word frequencies count words, not labels (issue 13 §7), and the interviewer can be left out
 * of search and "code all hits" (§5): a transcript formatted "(00:00:10)" + "Namn: …".
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { parseTranscript } from '../../electron/core/import/transcript';
import { normalizeText } from '../../shared/text/normalize';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const TRANSCRIPT = [
  '(00:00:10)',
  'Intervjuare: Hur ser samverkan ut med skolan?',
  '',
  '(00:00:25)',
  'Ali Berg: Samverkan fungerar bra. Vi träffar Anna och Fatima varje vecka, en annan gång kommer rektorn.',
  '',
  '(00:01:02)',
  'Anna Nilsson: Samverkan är svår ibland, men annat har blivit bättre.',
  '',
  '(00:01:40)',
  'Intervjuare: Och samverkan med socialtjänsten?',
  '',
  '(00:02:05)',
  'Ali Berg: Den är ny.',
].join('\n');

function project(dir: string) {
  const s = new Session('test');
  const p = s.createProject(path.join(dir, `p-${Math.random().toString(36).slice(2)}.rodtrad`));
  const text = normalizeText(TRANSCRIPT);
  const parsed = parseTranscript(text);
  insertDocument(p, { name: 'Intervju', kind: 'interview', text, turns: parsed.turns, speakers: parsed.speakers });
  return { s, p, call: <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(s, m, params) };
}

describe('word frequencies count words, not labels', () => {
  const dir = tempDir('rodtrad-labels');

  it('speaker labels and timestamps are never words; speaker names are left out unless asked for', async () => {
    const { s, call } = project(dir);
    const r = await call('words.frequencies', { scope: {} });
    const words = new Map(r.rows.map((x) => [x.word, x]));
    for (const w of ['ali', 'berg', 'anna', 'nilsson', 'intervjuare', '00', '10']) expect(words.has(w), w).toBe(false);
    // a name that is no speaker's is a word like any other
    expect(words.get('fatima')?.count).toBe(1);
    // "Anna" is not stemmed together with annan/annat
    const annan = r.rows.find((x) => x.word === 'annan' || x.word === 'annat');
    if (annan) expect(annan.word).not.toBe('anna');
    expect(r.rows.flatMap((x) => x.word)).not.toContain('anna');
    // with names asked for: a name said in a turn counts, a label at the start of a turn still does not
    const named = await call('words.frequencies', { scope: {}, includeSpeakerNames: true });
    const counts = new Map(named.rows.map((x) => [x.word, x.count]));
    expect(counts.get('anna')).toBeGreaterThanOrEqual(1);
    expect(counts.has('ali')).toBe(false);
    expect(counts.has('nilsson')).toBe(false);
    expect(counts.get('samverkan')).toBe(4);
    s.closeProject();
  });

  it('the interviewer is left out of word counts, search and code-all-hits when asked', async () => {
    const { s, call } = project(dir);
    const all = await call('search.query', { query: 'samverkan' });
    expect(all.total).toBe(4);
    const without = await call('search.query', { query: 'samverkan', excludeInterviewer: true });
    expect(without.total).toBe(2);
    expect(without.hits.every((h) => h.speaker !== 'Intervjuare')).toBe(true);
    const coded = await call('search.codeHits', { hits: without.hits, code: 'Samverkan', createCode: true, expand: 'sentence' });
    expect(coded.created).toBe(2);
    const words = await call('words.frequencies', { scope: { excludeInterviewer: true } });
    expect(words.rows.find((x) => x.word === 'samverkan')?.count).toBe(2);
    s.closeProject();
  });

  it('the CLI: words leaves names out, --include-speaker-names counts them; search --exclude-interviewer', () => {
    const txt = path.join(dir, 'intervju.txt');
    writeFileSync(txt, TRANSCRIPT);
    const file = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    expect(rodtrad(['import', file, txt]).code).toBe(0);
    const words = JSON.parse(rodtrad(['words', file, '--json', '--limit', '100']).stdout) as { rows: { word: string }[] };
    expect(words.rows.map((x) => x.word)).not.toContain('anna');
    const named = JSON.parse(rodtrad(['words', file, '--include-speaker-names', '--json', '--limit', '100']).stdout) as { rows: { word: string }[] };
    expect(named.rows.map((x) => x.word)).toContain('anna');
    const hits = JSON.parse(rodtrad(['search', file, 'samverkan', '--exclude-interviewer', '--json']).stdout) as { total: number };
    expect(hits.total).toBe(2);
  });
});
