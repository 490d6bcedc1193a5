/**
 * Undo/redo restores the exact previous rows: every journalled table is dumped (values and
 * SQLite types) before and after each action, then compared after undo and after redo.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { consistency, dump, makeEnv, type Env } from './fixture';

async function seed(env: Env) {
  await env.call('codebooks.load', { id: 'ifo-table1' });
  const tree = await env.call('codes.tree', {});
  const byName = (n: string) => tree.find((c) => c.name === n)!.id;
  const doc = await env.call('documents.get', { id: env.interviewId });
  const at = (s: string) => doc.text.indexOf(s);
  const q1 = await env.call('quotations.create', { documentId: env.interviewId, start: at('bollar'), end: at('korridoren') + 3, codeIds: [byName('Bollande')] });
  const q2 = await env.call('quotations.create', { documentId: env.interviewId, start: at('tänjer'), end: at('skull'), codeIds: [byName('Tänja på uppdrag och formellt ansvar'), byName('Bollande')] });
  const memo = await env.call('memos.create', { title: 'Om bollande', body: 'Första stycket.\n\nAndra *stycket*.', codeId: byName('Bollande') });
  return { tree, byName, doc, at, q1, q2, memo };
}

describe('undo and redo restore exact rows', () => {
  const dir = tempDir('rodtrad-undo');

  type Action = { name: string; run: (env: Env, s: Awaited<ReturnType<typeof seed>>) => Promise<unknown> };
  const actions: Action[] = [
    { name: 'create quotation with codes', run: (e, s) => e.call('quotations.create', { documentId: e.interviewId, start: s.at('bokade'), end: s.at('direkt'), codeIds: [s.byName('Bollande')] }) },
    { name: 'resize quotation', run: (e, s) => e.call('quotations.update', { id: s.q1.id, start: s.q1.start - 4, end: s.q1.end }) },
    { name: 'comment quotation', run: (e, s) => e.call('quotations.update', { id: s.q1.id, comment: 'viktig' }) },
    { name: 'delete quotation (links and memos go with it)', run: (e, s) => e.call('quotations.delete', { id: s.q2.id }) },
    { name: 'apply codes', run: (e, s) => e.call('quotations.addCodes', { quotationId: s.q1.id, codeIds: [s.byName('Samordning, driva ärendet framåt'), s.byName('ömsesidig konsultation')] }) },
    { name: 'remove code', run: (e, s) => e.call('quotations.removeCode', { quotationId: s.q2.id, codeId: s.byName('Bollande') }) },
    { name: 'code a speaker turn', run: async (e) => {
      const turn = (await e.call('documents.get', { id: e.interviewId })).turnList[2]!;
      return e.call('quotations.codeTurn', { turnId: turn.id, codeIds: [(await e.call('codes.tree', {}))[0]!.id] });
    } },
    { name: 'create code', run: (e, s) => e.call('codes.create', { name: 'Ny kod', parentId: s.byName('Bollande'), position: 0, definition: 'New', inclusion: 'in', exclusion: 'ut' }) },
    { name: 'rename code', run: (e, s) => e.call('codes.update', { id: s.byName('Bollande'), name: 'Bollande (bytt)', color: '#123456' }) },
    { name: 'move code', run: (e, s) => e.call('codes.move', { id: s.byName('Bollande'), parentId: null, position: 0 }) },
    { name: 'merge codes', run: (e, s) => e.call('codes.merge', { sourceIds: [s.byName('Bollande')], targetId: s.byName('Tänja på uppdrag och formellt ansvar') }) },
    { name: 'split code', run: (e, s) => e.call('codes.split', { id: s.byName('Bollande'), parts: [{ name: 'Del A', quotationIds: [s.q1.id] }, { name: 'Del B', quotationIds: [s.q2.id] }] }) },
    { name: 'delete code with sub-codes', run: (e, s) => e.call('codes.delete', { id: s.tree[0]!.id }) },
    { name: 'load codebook', run: (e) => e.call('codebooks.load', { id: 'handlingsplan' }) },
    { name: 'edit memo', run: (e, s) => e.call('memos.update', { id: s.memo.id, body: 'Ny **text**.' }) },
    { name: 'delete memo', run: (e, s) => e.call('memos.delete', { id: s.memo.id }) },
    { name: 'set attribute value', run: (e) => e.call('attributes.setValue', { documentId: e.interviewId, name: 'termin', value: 'HT18' }) },
    { name: 'clear attribute value', run: (e) => e.call('attributes.setValue', { documentId: e.interviewId, name: 'grupp', value: null }) },
    { name: 'reorder levels', run: (e) => e.call('attributes.setLevelOrder', { name: 'termin', levels: ['VT17', 'HT16'] }) },
    { name: 'delete attribute', run: (e) => e.call('attributes.delete', { name: 'termin' }) },
    { name: 'create group', run: (e) => e.call('groups.create', { name: 'Grupp A', documentIds: [e.interviewId, e.trickyId] }) },
  ];

  for (const action of actions) {
    it(action.name, async () => {
      const env = makeEnv(dir);
      const s = await seed(env);
      const before = dump(env.p);
      await action.run(env, s);
      const after = dump(env.p);
      expect(after).not.toEqual(before);
      const state = await env.call('history.state', {});
      expect(state.canUndo).toBe(true);
      expect(state.undoLabel).toBeTruthy();
      await env.call('history.undo', {});
      expect(dump(env.p)).toEqual(before);
      expect((await env.call('history.state', {})).canRedo).toBe(true);
      await env.call('history.redo', {});
      expect(dump(env.p)).toEqual(after);
      await env.call('history.undo', {});
      expect(dump(env.p)).toEqual(before);
      expect(consistency(env.p)).toEqual([]);
      env.session.closeProject();
    });
  }

  it('goes many steps deep and back, and a new step drops the redo tail', async () => {
    const env = makeEnv(dir);
    const s = await seed(env);
    const snapshots = [dump(env.p)];
    // Codes q1 does not have yet: applying a code it has changes nothing and records no step.
    const codes = s.tree.filter((c) => !s.q1.codeIds.includes(c.id)).slice(0, 12);
    for (const c of codes) {
      await env.call('quotations.addCodes', { quotationId: s.q1.id, codeIds: [c.id] });
      snapshots.push(dump(env.p));
    }
    for (let i = codes.length - 1; i >= 0; i--) {
      await env.call('history.undo', {});
      expect(dump(env.p)).toEqual(snapshots[i]);
    }
    // Continue undoing into the seed steps (memo, quotations, codebook).
    for (let i = 0; i < 4; i++) await env.call('history.undo', {});
    expect(env.p.db.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(0);
    expect((await env.call('history.state', {})).canUndo).toBe(false);
    for (let i = 0; i < 4 + 5; i++) await env.call('history.redo', {});
    expect(dump(env.p)).toEqual(snapshots[5]);
    await env.call('codes.create', { name: 'Ny gren' });
    const st = await env.call('history.state', {});
    expect(st.canRedo).toBe(false);
    expect(st.undoAction).toBe('codes.create');
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(snapshots[5]);
    env.session.closeProject();
  });

  it('refuses to undo over a change made by other means, and changes nothing', async () => {
    const env = makeEnv(dir);
    const s = await seed(env);
    await env.call('quotations.update', { id: s.q1.id, comment: 'a' });
    env.p.db.prepare('UPDATE quotations SET comment = ? WHERE id = ?').run('changed elsewhere', s.q1.id);
    const before = dump(env.p);
    await expect(env.call('history.undo', {})).rejects.toThrow(/cannot undo or redo/);
    expect(dump(env.p)).toEqual(before);
    env.session.closeProject();
  });

  it('keeps the journal in the project file across closing and opening', async () => {
    const env = makeEnv(dir);
    const s = await seed(env);
    const before = dump(env.p);
    await env.call('quotations.delete', { id: s.q1.id });
    const file = env.p.file;
    env.session.closeProject();
    env.session.openProject(file);
    const p = env.session.requireProject();
    await env.call('history.undo', {});
    expect(dump(p)).toEqual(before);
    env.session.closeProject();
  });
});

describe('the journal on a connection', () => {
  const dir = tempDir('rodtrad-undo-conn');

  it('survives a first step inside an outer transaction that rolls back', async () => {
    const env = makeEnv(dir);
    const { withUndo } = await import('../../electron/core/undo/journal');
    expect(() =>
      env.p.transaction(() => {
        withUndo(env.p, 'first', () => env.p.db.prepare("INSERT INTO codes(guid, name, created_at) VALUES ('g1', 'X', 'now')").run());
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    const before = dump(env.p);
    await env.call('codes.create', { name: 'Y' });
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    expect((await env.call('history.state', {})).canUndo).toBe(false);
    env.session.closeProject();
  });
});

describe('nested undo steps', () => {
  const dir = tempDir('rodtrad-undo-nested');

  it('an inner withUndo inside an outer one, in one transaction, joins the outer step: one undo restores everything', async () => {
    const { Project } = await import('../../electron/core/project/project');
    const { createCode } = await import('../../electron/core/coding/codes');
    const { withUndo, undo, historyList } = await import('../../electron/core/undo/journal');
    // A fresh connection, so the journal is first set up inside the transaction.
    const p = Project.create(path.join(dir, 'nested.rodtrad'));
    const before = dump(p);
    p.transaction(() =>
      withUndo(p, 'outer', () => {
        createCode(p, { name: 'Före' });
        withUndo(p, 'inner', () => createCode(p, { name: 'Inne' }));
        createCode(p, { name: 'Efter' });
      }),
    );
    expect((p.db.prepare('SELECT name FROM codes ORDER BY id').pluck().all() as string[])).toEqual(['Före', 'Inne', 'Efter']);
    expect(historyList(p, 10).map((h) => h.label)).toEqual(['outer']);
    expect(undo(p)).toBe('outer');
    expect(dump(p)).toEqual(before);
    p.close();
  });
});
