/**
 * The code key travels through teamwork: each coder's copy has the master's pseudonym list,
 * and a merge keeps every name any input has (the first input's pseudonym for a name two
 * share), so exports of the merged project are pseudonymised like the master's.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProjects } from '../../electron/core/teams/merge';
import { tempDir } from '../helpers/tmp';
import { masterWithCopies, open } from '../teams/helpers';

describe('the pseudonym list in coder copies and merges', () => {
  it('is in every copy, and a merge keeps the union of the names', async () => {
    const dir = tempDir('rodtrad-pseudonym-merge');
    const { copies } = await masterWithCopies(dir, ['Anna', 'Bo'], 'master', async (call) => {
      await call('pseudonyms.set', { entries: [{ real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' }] });
    });
    const [anna, bo] = copies as [string, string];
    const a = open(anna);
    expect((await a.call('pseudonyms.list', {})).entries.map((e) => e.real)).toEqual(['Norrdal']);
    await a.call('pseudonyms.add', { real: 'Amira' });
    a.close();
    const b = open(bo);
    await b.call('pseudonyms.add', { real: 'Söderby', pseudonym: 'Stadsdel S' });
    await b.call('pseudonyms.add', { real: 'amira', pseudonym: 'Person Z' });
    b.close();

    const out = path.join(dir, 'sammanslaget.rodtrad');
    mergeProjects(out, [anna, bo]);
    const m = open(out);
    expect((await m.call('pseudonyms.list', {})).entries).toEqual([
      { real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' },
      { real: 'Amira', pseudonym: 'Person A', kind: 'person' },
      { real: 'Söderby', pseudonym: 'Stadsdel S', kind: 'place' },
    ]);
    const md = await m.call('tables.exportThemeTable', { format: 'md' });
    expect(md.privacy).toMatchObject({ leakChecked: true, names: 3 });
    m.close();
  });
});
