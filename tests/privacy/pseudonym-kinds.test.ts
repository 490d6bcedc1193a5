/**
 * Kinds for the pseudonym list, guessed for the user to confirm: a district is a place, an
 * agency or unit an organisation, a personnummer "other", a first and last name a person
 * even when the surname ends like a place; a one-word name decides by how the texts use it.
 * Then the counts per name in the documents and adding one name (one undo step).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { Project } from '../../electron/core/project/project';
import { guessKind, nextPseudonym } from '../../shared/privacy/entity-kind';
import { tempDir } from '../helpers/tmp';
import { addInterview } from '../search/fixture';

const dir = tempDir('rodtrad-pseudonym-kinds');

const TEXT = [
  'I: Hur fungerar det i Norrdal?',
  '',
  'AB: Vi i Norrdal ringer Försäkringskassan ofta, och Lindberg sa att IFO tar det. Hon och Lindbergs kollega höll med.',
  '',
  'CD: Jag flyttade från Solberga. Solbergas mottagning och Bertil Berg på Socialkontoret Väst hjälpte Anna.',
].join('\n');

function session(): Session {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.rodtrad`);
  const p = Project.create(file);
  p.transaction(() => {
    addInterview(p, 'grupp-1', TEXT, {});
    addInterview(p, 'grupp-2', 'I: Och sedan?\n\nAB: Sedan ringde Anna till Norrdal igen.', {});
  });
  p.close();
  const s = new Session('test');
  s.openProject(file);
  return s;
}

describe('the kind of a name', () => {
  it('from the name: places, organisations and units, other identifiers, people', () => {
    expect(guessKind('Norrdal')).toBe('place');
    expect(guessKind('Söderby')).toBe('place');
    expect(guessKind('Stadsdel Väster')).toBe('place');
    expect(guessKind('Försäkringskassan')).toBe('unit');
    expect(guessKind('Socialkontoret Väst')).toBe('unit');
    expect(guessKind('IFO')).toBe('unit');
    expect(guessKind('Haninge kommun')).toBe('unit');
    expect(guessKind('19811218-9876')).toBe('other');
    expect(guessKind('anna@exempel.se')).toBe('other');
    expect(guessKind('Anna')).toBe('person');
    // surnames that end like places are people when there is a first name
    expect(guessKind('Bertil Berg')).toBe('person');
    expect(guessKind('Eva Lindberg')).toBe('person');
    // a one-word name: how the texts use it decides
    expect(guessKind('Lindberg', 0, 3)).toBe('person');
    expect(guessKind('Lindberg', 2, 3)).toBe('place');
    expect(guessKind('Amira', 3, 4)).toBe('place');
    expect(nextPseudonym('place', [{ pseudonym: 'Plats A' }])).toBe('Plats B');
  });

  it('suggestions carry the kind the documents suggest', async () => {
    const s = session();
    const kinds = Object.fromEntries((await dispatch(s, 'pseudonyms.suggest', {})).map((x) => [x.text, x.kind]));
    expect(kinds).toMatchObject({ Norrdal: 'place', Solberga: 'place', Försäkringskassan: 'unit', Lindberg: 'person', Anna: 'person' });
    s.dispose();
  });
});

describe('counts and adding one name', () => {
  it('counts each name in the documents with its inflections, longest names first', async () => {
    const s = session();
    await dispatch(s, 'pseudonyms.set', {
      entries: [
        { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
        { real: 'Solberga', pseudonym: 'Plats S', kind: 'place' },
        { real: 'Bertil Berg', pseudonym: 'Person B', kind: 'person' },
        { real: 'Berg', pseudonym: 'Person C', kind: 'person' },
        { real: 'Okänd', pseudonym: 'Person D', kind: 'person' },
      ],
    });
    const counts = Object.fromEntries((await dispatch(s, 'pseudonyms.occurrences', {})).map((c) => [c.real, [c.count, c.documents]]));
    expect(counts).toEqual({ Norrdal: [3, 2], Solberga: [2, 1], 'Bertil Berg': [1, 1], Berg: [0, 0], Okänd: [0, 0] });
    s.dispose();
  });

  it('pseudonyms.add guesses kind and pseudonym, refuses a name already there, and is one undo step', async () => {
    const s = session();
    await dispatch(s, 'pseudonyms.add', { real: 'Norrdal' });
    await dispatch(s, 'pseudonyms.add', { real: 'Lindberg' });
    await dispatch(s, 'pseudonyms.add', { real: 'Solberga', pseudonym: 'Stadsdel S' });
    expect((await dispatch(s, 'pseudonyms.list', {})).entries).toEqual([
      { real: 'Norrdal', pseudonym: 'Plats A', kind: 'place' },
      { real: 'Lindberg', pseudonym: 'Person A', kind: 'person' },
      { real: 'Solberga', pseudonym: 'Stadsdel S', kind: 'place' },
    ]);
    expect(await dispatch(s, 'pseudonyms.guessKind', { real: 'Försäkringskassan' })).toEqual({ kind: 'unit', pseudonym: 'Enhet A' });
    await expect(dispatch(s, 'pseudonyms.add', { real: 'norrdal' })).rejects.toMatchObject({ code: 'exists', sv: expect.stringContaining('finns redan') });
    expect(await dispatch(s, 'history.state', {})).toMatchObject({ undoAction: 'pseudonyms.add', undoLabel: 'Add "Solberga" to the pseudonym list' });
    await dispatch(s, 'history.undo', {});
    expect((await dispatch(s, 'pseudonyms.list', {})).entries.map((e) => e.real)).toEqual(['Norrdal', 'Lindberg']);
    s.dispose();
  });

  it('a CSV may name kinds in Swedish or English, and a row without one gets a guessed kind', async () => {
    const s = session();
    const r = await dispatch(s, 'pseudonyms.load', { content: 'namn;pseudonym;typ\nNorrdal;Stadsdel N;stadsdel\nSocialkontoret Väst;;organisation\nSöderby;;\n' });
    expect(r.entries).toEqual([
      { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
      { real: 'Socialkontoret Väst', pseudonym: 'Enhet A', kind: 'unit' },
      { real: 'Söderby', pseudonym: 'Plats A', kind: 'place' },
    ]);
    await expect(dispatch(s, 'pseudonyms.load', { content: 'Anna;Person A;katt\n' })).rejects.toMatchObject({ code: 'bad-input' });
    s.dispose();
  });
});
