import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { ensureIndex, FINGERPRINT_INTERVAL } from '../../electron/core/search/index-store';
import { parseQuery } from '../../electron/core/search/query';
import { searchIndex } from '../../electron/core/search/search';
import { normalizeWord } from '../../electron/core/search/text';
import { tempDir } from '../helpers/tmp';
import { addInterview, INTERVIEW_A, writeFixture } from './fixture';

const dir = tempDir('search');
const file = writeFixture(dir);

function session(f = file): Session {
  const s = new Session('test');
  s.openProject(f);
  return s;
}

async function find(s: Session, query: string, extra: Record<string, unknown> = {}) {
  return dispatch(s, 'search.query', { query, ...extra });
}

describe('search: stemmed Swedish and English words', () => {
  const s = session();

  it('finds "arbetsbelastningen" by "arbetsbelastning" and the other way round', async () => {
    const r = await find(s, 'arbetsbelastning');
    expect(r.hits.map((h) => h.match).sort()).toEqual(['Arbetsbelastningen', 'arbetsbelastning']);
    const r2 = await find(s, 'arbetsbelastningen');
    expect(r2.total).toBe(2);
  });

  it('finds "socialsekreterarna" by "socialsekreterare"', async () => {
    const r = await find(s, 'socialsekreterare');
    expect(r.hits.map((h) => h.match)).toEqual(['socialsekreterarna']);
    expect(r.hits[0]!.speaker).toBe('AL');
  });

  it('gives hit offsets into the stored text and KWIC context from the same passage', async () => {
    const r = await find(s, 'samverkan');
    const p = s.requireProject();
    for (const h of r.hits) {
      const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(h.documentId) as string;
      expect(text.slice(h.start, h.end)).toBe(h.match);
      expect(h.passageStart).toBeLessThanOrEqual(h.start);
      expect(h.passageEnd).toBeGreaterThanOrEqual(h.end);
      // the speaker label is not part of the passage
      expect(text.slice(h.passageStart, h.passageStart + 3)).not.toMatch(/^[A-Z]{1,3}:/);
      expect(`${h.before}${h.match}${h.after}`.replace(/…/g, '').replace(/\s+/g, ' ').trim().length).toBeGreaterThan(h.match.length);
    }
    // the compound "samverkansmöten" is found too (compounds are on by default in Swedish)
    expect(r.hits.map((h) => h.match)).toEqual(['Samverkan', 'samverkan', 'samverkansmöten']);
  });

  it('stems English documents in English (detected: the field note has no language set)', async () => {
    const r = await find(s, 'worker');
    expect(r.hits.map((h) => h.match).sort()).toEqual(['workers', 'workers']);
    expect(new Set(r.hits.map((h) => h.documentName))).toEqual(new Set(['anteckning-en']));
  });

  it('drops stop words and says so', async () => {
    const r = await find(s, 'och');
    expect(r.total).toBe(0);
    expect(r.ignored).toEqual(['och']);
  });

  it('treats å, ä, ö as letters of their own; folds é to e on purpose', async () => {
    expect(normalizeWord('MÅLEN')).toBe('målen');
    expect(normalizeWord('Idé')).toBe('ide');
    const mal = await find(s, 'mal');
    const mål = await find(s, 'mål');
    expect(mål.hits.map((h) => h.match)).toEqual(['målen']);
    expect(mal.hits.map((h) => h.match)).toEqual(['malen']);
    const ide = await find(s, 'ide');
    const idé = await find(s, 'idé');
    expect(ide.hits.map((h) => h.match).sort()).toEqual(['ide', 'idé']);
    expect(idé.hits.map((h) => h.match).sort()).toEqual(['ide', 'idé']);
  });

  it('matches prefixes and fuzzy spellings', async () => {
    const r = await find(s, 'samverkan*');
    expect(r.hits.map((h) => h.match)).toEqual(['Samverkan', 'samverkan', 'samverkansmöten']);
    const f = await find(s, 'samvekran~2');
    expect(f.hits.map((h) => h.match)).toContain('Samverkan');
    const fz = await find(s, 'sekretes~1');
    expect(fz.hits.map((h) => h.match)).toEqual(['Sekretess']);
  });
});

describe('search: phrases, required and excluded terms, field filters', () => {
  const s = session();

  it('verifies exact phrases by word positions', async () => {
    const r = await find(s, '"fasta tjänster"');
    expect(r.hits.map((h) => [h.documentName, h.match])).toEqual([['intervju-a', 'fasta tjänster']]);
    // both words occur in intervju-b, but not as this phrase
    const both = await find(s, 'fasta tjänster');
    expect(new Set(both.hits.map((h) => h.documentName))).toEqual(new Set(['intervju-a', 'intervju-b']));
    expect((await find(s, '"tjänster fasta"')).total).toBe(0);
    const hyphen = await find(s, 'IFO-chefen');
    expect(hyphen.hits.map((h) => h.match)).toEqual(['IFO-chefen']);
  });

  it('combines required (+) and excluded (-) words', async () => {
    const r = await find(s, 'samverkan -skolan');
    expect(r.hits.map((h) => h.match)).toEqual(['samverkan', 'samverkansmöten']);
    const or = await find(s, 'sekretess OR arbetsbelastning');
    expect(or.total).toBe(3);
    const and = await find(s, 'sekretess arbetsbelastning');
    expect(and.total).toBe(0);
  });

  it('filters by speaker, by document and speaker attributes and by kind', async () => {
    expect((await find(s, 'samverkan speaker:AL')).hits.map((h) => h.match)).toEqual(['Samverkan']);
    expect((await find(s, 'samverkan -talare:AL')).hits.map((h) => h.match)).toEqual(['samverkan', 'samverkansmöten']);
    const chef = await find(s, 'arbetsbelastning grupp:chef');
    expect(chef.hits.map((h) => h.documentName)).toEqual(['intervju-a']);
    const med = await find(s, 'arbetsbelastning grupp:medarbetare');
    expect(med.hits.map((h) => h.documentName)).toEqual(['intervju-b']);
    expect((await find(s, 'samverkan roll:samordnare')).hits.map((h) => h.speaker)).toEqual(['AL']);
    const notes = await find(s, 'kind:fieldnote');
    expect(notes.passages).toBe(2);
    expect((await find(s, 'workers typ:intervju')).total).toBe(0);
  });

  it('counts hits per document and per attribute value', async () => {
    const r = await find(s, 'arbetsbelastning');
    expect(r.perDocument.map((d) => [d.documentName, d.hits])).toEqual([['intervju-a', 1], ['intervju-b', 1]]);
    const grupp = r.perAttribute.filter((a) => a.attribute === 'grupp').map((a) => [a.value, a.hits, a.documents]).sort();
    expect(grupp).toEqual([['chef', 1, 1], ['medarbetare', 1, 1]]);
  });

  it('sorts by relevance when asked', async () => {
    const r = await find(s, 'samverkan OR sekretess', { sort: 'relevance' });
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('rejects empty and malformed queries with a clear message', async () => {
    await expect(find(s, '   ')).rejects.toThrow(/empty/);
    await expect(find(s, 'sa*mverkan')).rejects.toThrow(/\* may only end a word/);
    expect(parseQuery('grupp:"Barn och unga"').clauses[0]).toMatchObject({ type: 'field', field: 'attr', value: 'Barn och unga' });
  });
});

describe('search index: derived data reused until the content changes', () => {
  it('is built once, loaded from the project file next time, rebuilt after an import', async () => {
    const f = writeFixture(dir, 'reuse.rodtrad');
    let p = Project.open(f);
    const first = await ensureIndex(p, { inline: true });
    expect(first.origin).toBe('built');
    expect(first.engine).toBe('fts5');
    const stored = p.db.prepare("SELECT version FROM derived WHERE key = 'search-index'").get() as { version: number };
    expect(stored.version).toBe(p.contentVersion());
    p.close();

    p = Project.open(f);
    const again = await ensureIndex(p, { inline: true });
    expect(again.origin).toBe('loaded');
    expect(again.builtAt).toBe(first.builtAt);
    expect((await ensureIndex(p, { inline: true })) === again).toBe(true);

    addInterview(p, 'intervju-c', 'I: Hej.\n\nXY: Tystnadsplikten gäller alltid.\n\nXY: Ja.', { grupp: 'chef' });
    const rebuilt = await ensureIndex(p, { inline: true });
    expect(rebuilt.origin).toBe('built');
    expect(rebuilt.version).toBe(p.contentVersion());
    expect(rebuilt.builtAt >= first.builtAt).toBe(true);
    expect(rebuilt === again).toBe(false);
    p.close();

    const s = session(f);
    const r = await find(s, 'tystnadsplikt');
    expect(r.hits.map((h) => h.match)).toEqual(['Tystnadsplikten']);
    expect(await dispatch(s, 'search.status', {})).toMatchObject({ state: 'ready' });
    s.dispose();
  });

  it('is rebuilt when a speaker attribute or a turn changes (both bump the content version), and after an attribute rename (the fingerprint)', async () => {
    const f = writeFixture(dir, 'speaker-attr.rodtrad');
    const s = session(f);
    const p = s.requireProject();
    // the project's clock, moved by hand: the in-memory index re-checks its fingerprint at most once per interval
    let t = Date.parse('2026-03-01T09:00:00Z');
    p.clock = () => t;
    expect((await find(s, 'samverkan roll:chef')).total).toBe(0);
    p.db.prepare("UPDATE speaker_attribute_values SET value = 'chef'").run();
    expect((await find(s, 'samverkan roll:chef')).hits.map((h) => h.speaker)).toEqual(['AL']);
    // a turn moved without its document changing: the index's passages follow
    const version = p.contentVersion();
    p.db.prepare('UPDATE turns SET "end" = "end" WHERE id = (SELECT min(id) FROM turns)').run();
    expect(p.contentVersion()).toBeGreaterThan(version);
    expect((await find(s, 'samverkan roll:chef')).total).toBe(1);
    // attribute names have no trigger: the fingerprint finds a rename once the interval has passed
    p.db.prepare("UPDATE attributes SET name = 'funktion' WHERE name = 'roll'").run();
    expect((await find(s, 'samverkan funktion:chef')).total).toBe(0);
    t += FINGERPRINT_INTERVAL;
    expect((await find(s, 'samverkan funktion:chef')).total).toBe(0); // within the interval: not re-checked
    t += 1;
    expect((await find(s, 'samverkan funktion:chef')).hits.map((h) => h.speaker)).toEqual(['AL']);
    s.dispose();
  });

  it('stops a cancelled build without storing anything', async () => {
    const p = Project.open(writeFixture(dir, 'cancel.rodtrad'));
    const c = new AbortController();
    c.abort();
    await expect(ensureIndex(p, { inline: true, signal: c.signal })).rejects.toThrow(/cancel/i);
    expect(p.db.prepare("SELECT count(*) FROM derived WHERE key = 'search-index'").pluck().get()).toBe(0);
    // the next search builds it normally
    expect((await ensureIndex(p, { inline: true })).origin).toBe('built');
    p.close();
  });

  it('builds through the worker-thread job and reports progress', async () => {
    const f = writeFixture(dir, 'job.rodtrad');
    const s = session(f);
    const phases = new Set<string>();
    s.on((e) => e.type === 'progress' && phases.add(e.progress.phase));
    const r = await dispatch(s, 'search.buildIndex', { jobId: 'sokindex' });
    expect(r.origin).toBe('built');
    expect(r.passages).toBeGreaterThan(5);
    expect(phases.has('index')).toBe(true);
    const again = await dispatch(s, 'search.buildIndex', {});
    expect(again.origin).toBe('built'); // same object as in memory: nothing rebuilt
    expect(again.version).toBe(r.version);
    s.dispose();
  });
});

it('gives the same hits with the lunr engine (kept so the benchmark can compare)', async () => {
  const p = Project.open(writeFixture(dir, 'engines.rodtrad'));
  const queries = ['arbetsbelastning', 'samverkan*', '"fasta tjänster"', 'samverkan -skolan', 'samverkan speaker:AL', 'sekretes~1', 'kind:fieldnote', 'sekretess OR arbetsbelastning', 'grupp:medarbetare'];
  // lunr looks up one term per word: compared on Snowball's forms alone
  const hitsOf = (index: Awaited<ReturnType<typeof ensureIndex>>) =>
    queries.map((q) => searchIndex(index, { query: q, compounds: false, lexicon: false }).hits.map((h) => [h.documentId, h.start, h.end]));
  const fts = await ensureIndex(p, { inline: true, force: true });
  expect(fts.engine).toBe('fts5');
  const a = hitsOf(fts);
  const viaLunr = await ensureIndex(p, { inline: true, force: true, engine: 'lunr' });
  expect(viaLunr.engine).toBe('lunr');
  expect(hitsOf(viaLunr)).toEqual(a);
  expect(a.every((h) => h.length > 0)).toBe(true);
  p.close();
});

it('the fixture really contains what the tests search for', () => {
  expect(INTERVIEW_A).toContain('Arbetsbelastningen');
});

it('lets the researcher override a document\'s language, and searches it in that language after a rebuild', async () => {
  const s = session(writeFixture(dir, 'lang.rodtrad'));
  const langs = await dispatch(s, 'search.languages', {});
  const note = langs.find((l) => l.name === 'anteckning-en')!;
  expect(note).toMatchObject({ stored: null, used: 'en' });
  expect((await find(s, 'worker')).total).toBe(2);
  await dispatch(s, 'search.setLanguage', { documentId: note.documentId, language: 'sv' });
  expect((await dispatch(s, 'search.languages', {})).find((l) => l.name === 'anteckning-en')).toMatchObject({ stored: 'sv', used: 'sv' });
  // Swedish stemming leaves "workers" alone: the English stem no longer applies to this note
  expect((await find(s, 'worker')).total).toBe(0);
  expect((await find(s, 'workers')).total).toBe(2);
  await expect(dispatch(s, 'search.setLanguage', { documentId: 9999, language: 'en' })).rejects.toThrow(/no document/);
  s.dispose();
});
