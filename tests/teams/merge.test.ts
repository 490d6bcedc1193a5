/**
 * Coder copies and their exact merge: the union of every coder's coding (counted here with
 * plain SQL, independently of the merge), no duplicates, every quotation keeps its coder,
 * conflicts reported with their rule, inputs never modified, idempotent and commutative up to ids.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeProjects } from '../../electron/core/teams/merge';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { codings, masterWithCopies, open, otherContent, quotationsOf, sha256 } from './helpers';

const union = (...lists: string[][]): string[] => [...new Set(lists.flat())].sort();

describe('coder copies and merge', () => {
  const dir = tempDir('rodtrad-merge');
  let anna = '';
  let bo = '';
  let master = '';

  beforeAll(async () => {
    // The master's own coding travels with both copies and must come out once.
    const made = await masterWithCopies(dir, ['Anna', 'Bo'], 'master', async (call) => {
      const doc = (await call('documents.list', {}))[0]!;
      const tree = await call('codes.tree', {});
      expect(tree.length).toBeGreaterThan(5);
      expect(doc.chars).toBeGreaterThan(500);
      await call('quotations.create', { documentId: doc.id, start: 100, end: 200, codeIds: [tree[1]!.id], snap: 'none' });
    });
    master = made.master;
    [anna, bo] = made.copies as [string, string];
    const code = async (file: string, edits: (o: ReturnType<typeof open>, codes: number[], docs: number[]) => Promise<void>) => {
      const o = open(file);
      const docs = (await o.call('documents.list', {})).map((d) => d.id);
      const codes = (await o.call('codes.tree', {})).map((c) => c.id);
      await edits(o, codes, docs);
      o.close();
    };
    await code(anna, async (o, codes, docs) => {
      await o.call('quotations.create', { documentId: docs[0]!, start: 100, end: 200, codeIds: [codes[1]!, codes[2]!], snap: 'none' });
      await o.call('quotations.create', { documentId: docs[0]!, start: 300, end: 380, codeIds: [codes[3]!], snap: 'none' });
      await o.call('quotations.create', { documentId: docs[1]!, start: 50, end: 120, codeIds: [codes[1]!], snap: 'none' });
      // A code made independently in both copies with the same path: matched by path.
      const own = await o.call('codes.create', { name: 'Ny kod' });
      await o.call('quotations.create', { documentId: docs[1]!, start: 10, end: 40, codeIds: [own.id], snap: 'none' });
      // Renamed here, kept under its first name (Anna's copy comes first) and reported.
      await o.call('codes.update', { id: codes[4]!, name: 'Omdöpt av Anna' });
      await o.call('memos.create', { title: 'Annas memo', body: 'Om bollande.' });
      await o.call('attributes.setValue', { documentId: docs[2]!, name: 'termin', value: 'HT99' });
    });
    await code(bo, async (o, codes, docs) => {
      // The same range and code as Anna: a separate quotation, Bo's.
      await o.call('quotations.create', { documentId: docs[0]!, start: 100, end: 200, codeIds: [codes[1]!], snap: 'none' });
      await o.call('quotations.create', { documentId: docs[0]!, start: 320, end: 400, codeIds: [codes[5]!], snap: 'none' });
      const own = await o.call('codes.create', { name: 'Ny kod' });
      await o.call('quotations.create', { documentId: docs[1]!, start: 10, end: 40, codeIds: [own.id], snap: 'none' });
      await o.call('codes.update', { id: codes[4]!, name: 'Omdöpt av Bo' });
      await o.call('attributes.setValue', { documentId: docs[2]!, name: 'termin', value: 'VT99' });
    });
  }, 120_000);

  it('gives the exact union of coding, each quotation with its coder, and never changes its inputs', () => {
    const before = [master, anna, bo].map(sha256);
    const listing = readdirSync(dir).sort();
    const out = path.join(dir, 'merged.rodtrad');
    const report = mergeProjects(out, [anna, bo]);
    expect([master, anna, bo].map(sha256)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([...listing, 'merged.rodtrad'].sort());

    const expected = union(codings(anna), codings(bo));
    const merged = codings(out);
    expect(merged).toEqual(expected);
    expect(new Set(merged).size).toBe(merged.length); // no duplicate range+code+coder
    expect(merged.filter((c) => c.endsWith('|Anna')).length).toBe(5);
    expect(merged.filter((c) => c.endsWith('|Bo')).length).toBe(3);
    expect(merged.filter((c) => c.endsWith('|Master')).length).toBe(1);
    expect(quotationsOf(out)).toEqual(union(quotationsOf(anna), quotationsOf(bo)));

    // Documents, turns, attributes, groups come once; memos and coders are joined.
    const o = otherContent(out);
    const a = otherContent(anna);
    expect(o.documents).toEqual(a.documents);
    expect(o.turns).toEqual(a.turns);
    expect(o.memos).toEqual(union(a.memos, otherContent(bo).memos));
    expect(o.coders.map((c) => c.split('|')[1]).sort()).toEqual(['Anna', 'Bo', 'Master']);

    // The report: where things came from and every conflict with its rule.
    expect(report.sources.map((s) => path.basename(s.file))).toEqual([path.basename(anna), path.basename(bo)]);
    expect(report.sources[1]!.matched.documentsByGuid).toBe(report.totals.documents);
    expect(report.sources[1]!.matched.codesByPath).toBe(1);
    const kinds = report.conflicts.map((c) => `${c.entity}: ${c.detail}`);
    expect(kinds).toContainEqual(expect.stringMatching(/^code: renamed or moved: ".*\/Omdöpt av Bo" in /));
    expect(kinds).toContainEqual(expect.stringMatching(/^attribute value: "HT99" kept, "VT99"/));
    expect(kinds).toContainEqual(expect.stringMatching(/^code: a different GUID .* same path/));
    for (const c of report.conflicts) expect(c.rule.length).toBeGreaterThan(10);
    expect(report.totals.links).toBe(expected.length);
  });

  it('is idempotent and commutative up to ids', () => {
    const ab = path.join(dir, 'ab.rodtrad');
    const ab2 = path.join(dir, 'ab2.rodtrad');
    const ba = path.join(dir, 'ba.rodtrad');
    const abb = path.join(dir, 'abb.rodtrad');
    mergeProjects(ab, [anna, bo]);
    mergeProjects(ab2, [anna, bo]);
    mergeProjects(ba, [bo, anna]);
    mergeProjects(abb, [ab, bo, anna]);
    for (const f of [ab2, ba, abb]) {
      expect(codings(f)).toEqual(codings(ab));
      expect(quotationsOf(f)).toEqual(quotationsOf(ab));
    }
    // The same inputs in the same order: the same rows, GUIDs included.
    expect(otherContent(ab2)).toEqual(otherContent(ab));
    expect(otherContent(abb)).toEqual(otherContent(ab));
    // In the other order only what conflicted differs (the first input's version is kept).
    const x = otherContent(ba);
    expect(x.documents).toEqual(otherContent(ab).documents);
    expect(x.memos).toEqual(otherContent(ab).memos);
  });

  it('keeps a link another coder also made on the same quotation, on a quotation of their own', async () => {
    const fresh = tempDir('rodtrad-merge-split');
    const m = await masterWithCopies(fresh, ['Anna', 'Bo'], 'm');
    // Both coders add the same code to a quotation they share from the master.
    const shared = open(m.master);
    const docs = (await shared.call('documents.list', {})).map((d) => d.id);
    shared.close();
    for (const [file, name] of [[m.copies[0]!, 'Anna'], [m.copies[1]!, 'Bo']] as const) {
      const o = open(file);
      await o.call('project.setCoder', { name: 'Master' });
      const codes = (await o.call('codes.tree', {})).map((c) => c.id);
      const q = await o.call('quotations.create', { documentId: docs[0]!, start: 10, end: 60, codeIds: [codes[0]!], snap: 'none' });
      // Same GUID in both copies would need the master to hold it; simulate it by giving it one.
      o.session.requireProject().db.prepare('UPDATE quotations SET guid = ? WHERE id = ?').run('11111111-1111-4111-8111-111111111111', q.id);
      await o.call('project.setCoder', { name });
      await o.call('quotations.addCodes', { quotationId: q.id, codeIds: [codes[1]!] });
      o.close();
    }
    const out = path.join(fresh, 'out.rodtrad');
    mergeProjects(out, m.copies);
    const merged = codings(out);
    expect(merged).toEqual(union(codings(m.copies[0]!), codings(m.copies[1]!)));
    expect(merged.filter((c) => c.includes('|10-60|')).map((c) => c.split('|')[3]).sort()).toEqual(['Anna', 'Bo', 'Master']);
    // Merging again changes nothing.
    const again = path.join(fresh, 'again.rodtrad');
    mergeProjects(again, [out, ...m.copies]);
    expect(codings(again)).toEqual(merged);
    expect(quotationsOf(again)).toEqual(quotationsOf(out));
  });

  it('refuses a bad merge and leaves nothing behind', () => {
    const out = path.join(dir, 'refused.rodtrad');
    const junk = path.join(dir, 'junk.rodtrad');
    writeFileSync(junk, 'not a project at all, just text');
    expect(() => mergeProjects(out, [anna, junk])).toThrow(/junk\.rodtrad: is not a Rödtråd project/);
    expect(() => mergeProjects(out, [anna, path.join(dir, 'missing.rodtrad')])).toThrow(/missing\.rodtrad: no such project file/);
    expect(() => mergeProjects(anna, [bo])).toThrow(/already exists/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('merge-'))).toEqual([]);
  });

  it('rodtrad copies and rodtrad merge run as real processes', () => {
    const cdir = tempDir('rodtrad-merge-cli');
    const sample = path.join(cdir, 'studie.rodtrad');
    expect(rodtrad(['sample', sample]).code).toBe(0);
    const made = rodtrad(['copies', sample, cdir, '--coders', 'Anna,Bo', '--json']);
    expect(made.code).toBe(0);
    const copies = JSON.parse(made.stdout) as { coder: string; path: string }[];
    expect(copies.map((c) => path.basename(c.path))).toEqual(['studie-Anna.rodtrad', 'studie-Bo.rodtrad']);
    expect(JSON.parse(rodtrad(['coder', copies[1]!.path, '--json']).stdout).name).toBe('Bo');
    expect(rodtrad(['copies', sample, cdir, '--coders', 'Anna']).code).toBe(1); // exists already
    expect(rodtrad(['copies', sample, cdir]).code).toBe(2);
    const out = path.join(cdir, 'samlat.rodtrad');
    const merged = rodtrad(['merge', out, ...copies.map((c) => c.path), '--json']);
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout);
    expect(report.sources).toHaveLength(2);
    expect(report.totals.documents).toBeGreaterThan(0);
    const again = rodtrad(['merge', out, copies[0]!.path]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('samlat.rodtrad: already exists');
    expect(rodtrad(['merge', out]).code).toBe(2);
    const human = rodtrad(['merge', path.join(cdir, 'samlat2.rodtrad'), ...copies.map((c) => c.path)]);
    expect(human.stdout).toMatch(/Merged 2 project\(s\)/);
  });
});
