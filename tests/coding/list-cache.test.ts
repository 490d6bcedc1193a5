/** Listing a code's quotations reuses a snapshot only while the database is unchanged. */
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { createQuotation } from '../../electron/core/coding/quotations';
import { tempDir } from '../helpers/tmp';
import { makeEnv } from './fixture';

describe('quotations.list by code', () => {
  const dir = tempDir('rodtrad-list-cache');

  it('sees writes of this connection and of another one (a worker) at once', async () => {
    const env = makeEnv(dir);
    const { id: parent } = await env.call('codes.create', { name: 'Tema' });
    const { id: child } = await env.call('codes.create', { name: 'Kod', parentId: parent });
    const ids = async () => (await env.call('quotations.list', { codeId: parent })).map((q) => q.id);
    expect(await ids()).toEqual([]);
    const q1 = await env.call('quotations.create', { documentId: env.interviewId, start: 0, end: 10, codeIds: [child] });
    expect(await ids()).toEqual([q1.id]);
    await env.call('quotations.update', { id: q1.id, comment: 'ny' });
    expect((await env.call('quotations.list', { codeId: parent }))[0]!.comment).toBe('ny');
    expect((await env.call('quotations.list', { codeId: parent, includeSubcodes: false })).length).toBe(0);
    // Another connection commits a quotation with the code.
    const other = Project.open(env.p.file);
    const q2 = createQuotation(other, { documentId: env.trickyId, start: 0, end: 5, codeIds: [child] });
    other.close();
    expect(await ids()).toEqual([q1.id, q2].sort((a, b) => a - b));
    await env.call('quotations.removeCode', { quotationId: q1.id, codeId: child });
    expect(await ids()).toEqual([q2]);
    await env.call('history.undo', {});
    const listed = await env.call('quotations.list', { codeId: parent });
    expect(listed.map((q) => q.id)).toEqual([q1.id, q2]);
    // Same rows as the plain SQL listing by document.
    const byDoc = [...(await env.call('quotations.list', { documentId: env.interviewId })), ...(await env.call('quotations.list', { documentId: env.trickyId }))];
    expect(listed).toEqual(byDoc);
    // Listed again without a change: now from the snapshot, with the same rows.
    expect(await env.call('quotations.list', { codeId: parent })).toEqual(listed);
    expect(await env.call('quotations.list', { codeId: parent })).toEqual(listed);
    expect(await env.call('quotations.list', { codeId: child, includeSubcodes: false })).toEqual(listed);
    env.session.closeProject();
  });
});
