/**
 * The dispatch table is put together from each area's handler map; these tests keep it one
 * table with one handler per contract method, whichever area file a handler lives in.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import { dispatch, handlerMaps } from '../../electron/core/api/dispatch';
import { mergeHandlers } from '../../electron/core/api/merge-handlers';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { tempDir } from '../helpers/tmp';

describe('the handler maps', () => {
  it('refuses a method that two maps define, instead of letting the later one win', () => {
    const a = { 'codes.tree': () => 'a' };
    const b = { 'codes.tree': () => 'b' };
    expect(() => mergeHandlers(a, { 'codes.create': () => 'c' }, b)).toThrow('the handler for "codes.tree" is defined twice');
    expect(Object.keys(mergeHandlers(a, { 'codes.create': () => 'c' }))).toEqual(['codes.tree', 'codes.create']);
  });

  it('has exactly one handler for every contract method and none for anything else', () => {
    const count = new Map<string, number>();
    for (const map of handlerMaps) for (const name of Object.keys(map)) count.set(name, (count.get(name) ?? 0) + 1);
    for (const name of methodNames) expect(count.get(name) ?? 0, name).toBe(1);
    expect([...count.keys()].filter((name) => !(methodNames as readonly string[]).includes(name))).toEqual([]);
  });
});

describe('contract methods the CLI needs (so it can call nothing else)', () => {
  it('finds codes by path, and codes a passage by path in one undoable step with the codes it creates', async () => {
    const s = new Session('test');
    await dispatch(s, 'project.create', { path: path.join(tempDir('handlers'), 'p.rodtrad') });
    const docId = insertDocument(s.requireProject(), { name: 'Anteckning', kind: 'fieldnote', text: 'Vi bollar idéer med varandra varje vecka.' });
    await expect(dispatch(s, 'codes.byPath', { path: 'Motiv/Bollande' })).rejects.toThrow(/no code "Motiv\/Bollande"/);
    const q = await dispatch(s, 'quotations.create', { documentId: docId, start: 3, end: 9, codePaths: ['Motiv/Bollande'], createCodes: true });
    const { id } = await dispatch(s, 'codes.byPath', { path: 'Motiv/Bollande' });
    expect(q.codeIds).toEqual([id]);
    expect((await dispatch(s, 'history.undo', {})).done).toBe('Code a passage with "Motiv/Bollande"');
    expect(await dispatch(s, 'codes.tree', {})).toEqual([]);
    expect(await dispatch(s, 'quotations.list', {})).toEqual([]);
    s.dispose();
  });

  it('creates the sample project and opens it', async () => {
    const s = new Session('test');
    const file = path.join(tempDir('handlers'), 'sample.rodtrad');
    const info = await dispatch(s, 'project.createSample', { path: file });
    expect(info.counts.documents).toBeGreaterThan(3);
    expect((await dispatch(s, 'app.info', {})).project).toBe(file);
    s.dispose();
  });
});
