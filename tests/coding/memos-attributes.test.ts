/** Memos, attribute editing and document groups through the contract. */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from './fixture';

describe('memos', () => {
  const dir = tempDir('rodtrad-memos');

  it('writes project, document, code and quotation memos with author and dates, lists them by target', async () => {
    const env = makeEnv(dir);
    // the project's clock, moved by hand between writing and editing
    let t = Date.parse('2026-03-01T09:00:00Z');
    env.p.clock = () => t;
    await env.call('project.setCoder', { name: 'Anna' });
    const { id: code } = await env.call('codes.create', { name: 'Bollande' });
    const q = await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 10, codeIds: [code] });
    const project = await env.call('memos.create', { title: 'Projektmemo', body: 'Ett stycke.\n\nEtt *andra* med **fetstil**.' });
    expect(project).toMatchObject({ target: 'project', author: 'Anna', body: 'Ett stycke.\n\nEtt *andra* med **fetstil**.' });
    expect(project.createdAt).toBe('2026-03-01T09:00:00.000Z');
    await env.call('memos.create', { title: 'Dokument', documentId: env.interviewId });
    await env.call('memos.create', { title: 'Kod', codeId: code });
    await env.call('memos.create', { title: 'Citat', quotationId: q.id });
    expect((await env.call('memos.list', {})).length).toBe(4);
    expect((await env.call('memos.list', { scope: 'project' })).map((m) => m.title)).toEqual(['Projektmemo']);
    expect((await env.call('memos.list', { documentId: env.interviewId })).map((m) => m.title)).toEqual(['Dokument']);
    expect((await env.call('memos.list', { codeId: code })).map((m) => m.target)).toEqual(['code']);
    expect((await env.call('memos.list', { quotationId: q.id })).map((m) => m.title)).toEqual(['Citat']);
    await expect(env.call('memos.create', { title: 'Två', codeId: code, documentId: env.interviewId })).rejects.toThrow(/at most one/);
    t += 90_000;
    const edited = await env.call('memos.update', { id: project.id, title: 'Nytt namn' });
    expect(edited.title).toBe('Nytt namn');
    expect(edited.body).toBe(project.body);
    expect(edited.createdAt).toBe(project.createdAt);
    expect(edited.modifiedAt).toBe('2026-03-01T09:01:30.000Z');
    // A quotation's memo goes with the quotation, and comes back with undo.
    await env.call('quotations.delete', { id: q.id });
    expect((await env.call('memos.list', {})).length).toBe(3);
    await env.call('history.undo', {});
    expect((await env.call('memos.list', { quotationId: q.id })).length).toBe(1);
    env.session.closeProject();
  });
});

describe('attributes and groups', () => {
  const dir = tempDir('rodtrad-attrs');

  it('sets, clears and orders values; lists attributes with their levels', async () => {
    const env = makeEnv(dir);
    let attrs = await env.call('attributes.list', {});
    expect(attrs.map((a) => [a.name, a.levels, a.used])).toEqual([
      ['termin', ['HT16', 'VT17'], 2],
      ['grupp', ['medarbetare', 'chefer'], 2],
    ]);
    await env.call('attributes.setValue', { documentId: env.trickyId, name: 'termin', value: 'HT17' });
    await env.call('attributes.setValue', { documentId: env.interviewId, name: 'stadsdel', value: 'Norr' });
    await env.call('attributes.setValue', { documentId: env.interviewId, name: 'grupp', value: null });
    await env.call('attributes.setLevelOrder', { name: 'termin', levels: ['HT17', 'HT16'] });
    attrs = await env.call('attributes.list', { scope: 'document' });
    expect(attrs.find((a) => a.name === 'termin')!.levels).toEqual(['HT17', 'HT16', 'VT17']);
    expect(attrs.find((a) => a.name === 'grupp')!.used).toBe(1);
    const docs = await env.call('documents.list', {});
    expect(docs.find((d) => d.id === env.interviewId)!.attributes).toEqual({ termin: 'HT16', stadsdel: 'Norr' });
    await expect(env.call('attributes.setLevelOrder', { name: 'termin', levels: ['VT99'] })).rejects.toThrow(/no value "VT99"/);
    await env.call('attributes.rename', { name: 'stadsdel', newName: 'område' });
    await env.call('attributes.create', { name: 'roll', scope: 'speaker' });
    expect((await env.call('attributes.list', { scope: 'speaker' })).map((a) => a.name)).toEqual(['roll']);
    env.session.closeProject();
  });

  it('creates, renames, fills and deletes document groups', async () => {
    const env = makeEnv(dir);
    const { id } = await env.call('groups.create', { name: 'Intervjuer', documentIds: [env.interviewId] });
    await expect(env.call('groups.create', { name: 'Intervjuer' })).rejects.toThrow(/already exists/);
    await env.call('groups.rename', { id, name: 'Alla' });
    expect((await env.call('groups.setMembers', { groupId: id, documentIds: [env.trickyId, env.interviewId] })).members).toBe(2);
    expect(await env.call('groups.list', {})).toMatchObject([{ id, name: 'Alla', documentIds: [env.interviewId, env.trickyId] }]);
    await env.call('groups.delete', { id });
    expect(await env.call('groups.list', {})).toEqual([]);
    expect((await env.call('documents.list', {})).length).toBe(2);
    await env.call('history.undo', {});
    expect((await env.call('groups.list', {}))[0]!.documentIds.length).toBe(2);
    env.session.closeProject();
  });
});
