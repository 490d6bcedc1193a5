/**
 * REFI-QDA codebooks: exported valid and read back the same; a .qdc added to a project's tree
 * matched by GUID then path, conflicts listed and resolved by the user's choice, as one undo
 * step; vendor namespaces and Taguette's empty <Sets/> accepted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { caller, type Caller, sample } from './fixture';

const noTaguette = skipUnless('Taguette codebook', sample('taguette'));

const GA = 'aaaaaaaa-0000-4000-8000-000000000001';
const GB = 'aaaaaaaa-0000-4000-8000-000000000002';
const GC = 'aaaaaaaa-0000-4000-8000-000000000003';

function qdc(codes: string, ns = 'urn:QDA-XML:codebook:1.0'): string {
  return `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="${ns}" origin="test"><Codes>${codes}</Codes><Sets/></CodeBook>`;
}

async function tree(c: Caller): Promise<string[]> {
  return (await c.call('codes.tree', {})).map((k) => `${k.path} ${k.guid} ${k.color} ${k.definition ?? ''}`);
}

describe('REFI-QDA codebooks', () => {
  const dir = tempDir('refi-qdc');
  let n = 0;
  async function project(): Promise<Caller> {
    const c = caller();
    await c.call('project.create', { path: path.join(dir, `p${++n}.rodtrad`) });
    return c;
  }
  const write = (text: string): string => {
    const f = path.join(dir, `book${++n}.qdc`);
    writeFileSync(f, text);
    return f;
  };

  it('exports the tree and another project reads it back with the same GUIDs, paths, colours and definitions', async () => {
    const a = await project();
    await a.call('codebooks.load', { id: 'ifo-table1' });
    const out = path.join(dir, 'table1.qdc');
    const r = await a.call('refi.exportCodebook', { path: out });
    expect(r.codes).toBeGreaterThan(10);
    const b = await project();
    const imp = await b.call('refi.importCodebook', { source: { path: out } });
    expect(imp.added).toBe(r.codes);
    expect(await tree(b)).toEqual(await tree(a));
    // the same file again adds nothing: every code matches by GUID
    const again = await b.call('refi.importCodebook', { source: { path: out } });
    expect([again.added, again.matchedByGuid, again.conflicts.length]).toEqual([0, r.codes, 0]);
  });

  it.skipIf(noTaguette)('reads Taguette (empty <Sets/>) and the vendor namespaces 1:0 and 0:4', async () => {
    const c = await project();
    const t = await c.call('refi.importCodebook', { source: { path: sample('taguette').path! } });
    expect(t.added).toBe(3);
    for (const ns of ['urn:QDA-XML:codebook:1:0', 'urn:QDA-XML:codebook:0:4']) {
      const d = await project();
      const r = await d.call('refi.importCodebook', { source: { name: 'x.qdc', content: qdc(`<Code guid="${GA}" name="A" isCodable="true"><Code guid="${GB}" name="B" isCodable="false" color="#ABC"/></Code>`, ns) } });
      expect(r.added).toBe(2);
      expect(await tree(d)).toEqual([`A ${GA} #888888 `, `A/B ${GB} #aabbcc `]);
    }
  });

  async function conflicted(): Promise<{ c: Caller; file: string; before: string[] }> {
    const c = await project();
    // ours: A (GA) with child B (our own GUID); D with child C (GC)
    await c.call('refi.importCodebook', { source: { name: 'ours.qdc', content: qdc(`<Code guid="${GA}" name="A" isCodable="true"><Code guid="aaaaaaaa-0000-4000-8000-00000000000b" name="B" isCodable="true" color="#111111"/></Code><Code guid="aaaaaaaa-0000-4000-8000-00000000000d" name="D" isCodable="true"><Code guid="${GC}" name="C" isCodable="true"/></Code>`) } });
    // theirs: A/B with GUID GB (same path, other GUID) and C (GC) moved under A, with a colour and definition
    const file = write(qdc(`<Code guid="${GA}" name="A" isCodable="true"><Code guid="${GB}" name="B" isCodable="true" color="#222222"><Description>deras</Description></Code><Code guid="${GC}" name="C" isCodable="true" color="#333333"/></Code>`));
    return { c, file, before: await tree(c) };
  }

  it('lists both kinds of conflict; --dry-run changes nothing', async () => {
    const { c, file, before } = await conflicted();
    const r = await c.call('refi.importCodebook', { source: { path: file }, dryRun: true });
    expect(r.conflicts).toEqual([
      { kind: 'same-path-other-guid', path: 'A/B', theirPath: 'A/B', guid: GB },
      { kind: 'moved', path: 'D/C', theirPath: 'A/C', guid: GC },
    ]);
    expect(await tree(c)).toEqual(before);
  });

  it('ours keeps our codes as they are', async () => {
    const { c, file, before } = await conflicted();
    const r = await c.call('refi.importCodebook', { source: { path: file }, onConflict: 'ours' });
    expect([r.added, r.updated]).toEqual([0, 0]);
    expect(await tree(c)).toEqual(before);
  });

  it('theirs takes their GUID, place, colour and definition; undone in one step', async () => {
    const { c, file, before } = await conflicted();
    await c.call('refi.importCodebook', { source: { path: file }, onConflict: 'theirs' });
    expect(await tree(c)).toEqual([`A ${GA} #888888 `, `A/B ${GB} #222222 deras`, `A/C ${GC} #333333 `, 'D aaaaaaaa-0000-4000-8000-00000000000d #888888 ']);
    await c.call('history.undo', {});
    expect(await tree(c)).toEqual(before);
  });

  it('both keeps ours and adds theirs beside it', async () => {
    const { c, file } = await conflicted();
    const r = await c.call('refi.importCodebook', { source: { path: file }, onConflict: 'both' });
    expect(r.added).toBe(2);
    const t = await tree(c);
    expect(t).toContain(`A/B aaaaaaaa-0000-4000-8000-00000000000b #111111 `);
    expect(t).toContain(`A/B (2) ${GB} #222222 deras`);
    expect(t).toContain(`D/C ${GC} #888888 `);
    expect(t.some((x) => x.startsWith('A/C ') && !x.includes(GC))).toBe(true);
  });

  it('theirs adopts their nesting even where it reverses ours, without making a loop', async () => {
    const c = await project();
    await c.call('refi.importCodebook', { source: { name: 'ours.qdc', content: qdc(`<Code guid="${GA}" name="A" isCodable="true"><Code guid="${GB}" name="B" isCodable="true"/></Code>`) } });
    const before = await tree(c);
    // theirs: A under B (B under A in ours)
    const r = await c.call('refi.importCodebook', { source: { name: 'theirs.qdc', content: qdc(`<Code guid="${GB}" name="B" isCodable="true"><Code guid="${GA}" name="A" isCodable="true"/></Code>`) }, onConflict: 'theirs' });
    expect(r.conflicts.map((x) => x.kind)).toEqual(['moved', 'moved']);
    expect(before.map((x) => x.split(' ')[0])).toEqual(['A', 'A/B']);
    expect((await tree(c)).map((x) => x.split(' ')[0])).toEqual(['B', 'B/A']);
  });

  it('a project file given as a codebook is named as such', async () => {
    const c = await project();
    await expect(c.call('refi.importCodebook', { source: { name: 'p.qde', content: '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>' } })).rejects.toThrow(/p\.qde: is a REFI-QDA project, not a codebook/);
  });
});
