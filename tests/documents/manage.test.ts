/**
 * Documents are managed, not only imported: delete (everything attached goes and comes back
 * on undo), rename, paste as a new document, and correct the text without losing coding.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { consistency, dump, makeEnv, type Env } from '../coding/fixture';

/** A document with everything that can hang on it: quotations, links, memos, attributes, a group, speaker values. */
async function richlyCoded(env: Env) {
  await env.call('codebooks.load', { id: 'ifo-table1' });
  const code = (await env.call('codes.tree', {}))[1]!.id;
  const doc = await env.call('documents.get', { id: env.interviewId });
  const at = (s: string) => doc.text.indexOf(s);
  const q1 = await env.call('quotations.create', { documentId: env.interviewId, start: at('bollar'), end: at('korridoren') + 10, codeIds: [code] });
  await env.call('quotations.create', { documentId: env.interviewId, start: at('bokade'), end: at('direkt') + 6, codeIds: [code], comment: 'snabbt' });
  await env.call('memos.create', { title: 'Om citatet', body: 'text', quotationId: q1.id });
  await env.call('memos.create', { title: 'Om intervjun', body: 'text', documentId: env.interviewId });
  await env.call('groups.create', { name: 'Grupp A', documentIds: [env.interviewId, env.trickyId] });
  await env.call('attributes.setSpeakerValue', { speakerId: doc.speakerList[1]!.id, name: 'roll', value: 'socionom' });
  return { code, doc };
}

const rowCounts = (env: Env) =>
  Object.fromEntries(Object.entries(dump(env.p)).map(([t, rows]) => [t, rows.length]));

describe('deleting a document', () => {
  const dir = tempDir('rodtrad-docs');

  it('says what goes, deletes every attached row, and one undo restores every row exactly', async () => {
    const env = makeEnv(dir);
    await richlyCoded(env);
    const before = dump(env.p);
    expect(await env.call('documents.deleteCounts', { ids: [env.interviewId] })).toEqual({ deleted: 1, quotations: 2, memos: 2 });

    const result = await env.call('documents.delete', { ids: [env.interviewId] });
    expect(result).toEqual({ deleted: 1, quotations: 2, memos: 2 });
    const counts = rowCounts(env);
    expect(counts).toMatchObject({ documents: 1, speakers: 0, turns: 0, quotations: 0, quotation_codes: 0, memos: 0, speaker_attribute_values: 0, document_group_members: 1 });
    expect((await env.call('documents.list', {})).map((d) => d.name)).toEqual(['Fältanteckning']);
    const after = dump(env.p);
    expect(consistency(env.p)).toEqual([]);

    const state = await env.call('history.state', {});
    expect(state.undoAction).toBe('documents.delete');
    expect(state.undoLabel).toBe('Delete document "Gruppintervju 1"');
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    expect(consistency(env.p)).toEqual([]);
    await env.call('history.redo', {});
    expect(dump(env.p)).toEqual(after);
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    // the restored document reads as before: text, turns, speakers
    const doc = await env.call('documents.get', { id: env.interviewId });
    expect(doc.turnList.length).toBe(6);
    expect(doc.speakerList.find((s) => s.label === 'AA')?.attributes).toEqual({ roll: 'socionom' });
    env.session.closeProject();
  });

  it('undoes an import: the documents of a batch go as one step labelled as such', async () => {
    const env = makeEnv(dir);
    const before = dump(env.p);
    const imported = await env.call('import.files', {
      sources: [
        { name: 'ny-1.txt', data: Buffer.from('Intervjuare: Hej?\nAnna: Hej.\nBo: Hallå.\n').toString('base64') },
        { name: 'ny-2.txt', data: Buffer.from('En anteckning om mötet.').toString('base64') },
      ],
    });
    const ids = imported.results.flatMap((f) => f.documentIds);
    expect(ids.length).toBe(2);
    await env.call('documents.delete', { ids, undoImport: true });
    expect(dump(env.p)).toEqual(before);
    expect((await env.call('history.state', {})).undoLabel).toBe('Undo the import of 2 files');
    await env.call('history.undo', {});
    expect((await env.call('documents.list', {})).length).toBe(4);
    env.session.closeProject();
  });

  it('refuses an unknown id and leaves everything as it was', async () => {
    const env = makeEnv(dir);
    const before = dump(env.p);
    await expect(env.call('documents.delete', { ids: [env.interviewId, 9999] })).rejects.toThrow(/no document with id 9999/);
    expect(dump(env.p)).toEqual(before);
    env.session.closeProject();
  });
});

describe('renaming and pasting documents', () => {
  const dir = tempDir('rodtrad-docs');

  it('renames, refuses a name that is taken, and undoes', async () => {
    const env = makeEnv(dir);
    expect(await env.call('documents.rename', { id: env.interviewId, name: '  Grupp  1 ' })).toEqual({ id: env.interviewId, name: 'Grupp 1' });
    await expect(env.call('documents.rename', { id: env.interviewId, name: 'Fältanteckning' })).rejects.toThrow(/already exists/);
    expect((await env.call('documents.get', { id: env.interviewId })).name).toBe('Grupp 1');
    await env.call('history.undo', {});
    expect((await env.call('documents.get', { id: env.interviewId })).name).toBe('Gruppintervju 1');
    env.session.closeProject();
  });

  it('makes a short pasted interview a transcript with its turns, and undo takes it away', async () => {
    const env = makeEnv(dir);
    const before = dump(env.p);
    const made = await env.call('documents.create', { name: 'Inklistrad', text: 'Intervjuare: Hur går det?\r\nAnna: Bra.\r\nBo: Det går bra.' });
    expect(made).toMatchObject({ name: 'Inklistrad', kind: 'interview', turns: 3 });
    const doc = await env.call('documents.get', { id: made.id });
    expect(doc.text).toBe('Intervjuare: Hur går det?\nAnna: Bra.\nBo: Det går bra.');
    expect(doc.speakerList.map((s) => [s.label, s.isInterviewer])).toEqual([['Intervjuare', true], ['Anna', false], ['Bo', false]]);
    const again = await env.call('documents.create', { name: 'Inklistrad', text: 'Bara en anteckning.' });
    expect(again).toMatchObject({ name: 'Inklistrad (2)', kind: 'other', turns: 0 });
    await env.call('history.undo', {});
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    await expect(env.call('documents.create', { name: 'Tom', text: ' \n ' })).rejects.toThrow(/empty/);
    env.session.closeProject();
  });
});

describe('correcting a text', () => {
  const dir = tempDir('rodtrad-docs');

  /** The field note with emoji (surrogate pairs, a ZWJ family) and decomposed å/é composed by NFC. */
  async function setUp() {
    const env = makeEnv(dir);
    const doc = await env.call('documents.get', { id: env.trickyId });
    const text = doc.text;
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const make = (s: string) => env.call('quotations.create', { documentId: env.trickyId, ...span(s), snap: 'none' });
    const q = {
      before: await make('Första raden 😀'),
      around: await make('fam👨‍👩‍👧ilj och café'),
      inside: await make('och'),
      acrossStart: await make('café samt'),
      acrossEnd: await make('👨‍👩‍👧ilj'),
      after: await make('Tredje rad'),
    };
    return { env, text, q };
  }

  const quote = async (env: Env, id: number) => (await env.call('quotations.get', { id })).text;

  it('keeps the words of quotations before and after, flags the ones whose words changed, removes one whose words all went', async () => {
    const { env, text, q } = await setUp();
    const before = dump(env.p);
    // replace "ilj och cafe" ... the word "och" with "samt också" (across: touches "café samt"'s start? no: only "och")
    const at = text.indexOf('och');
    const r = await env.call('documents.editText', { id: env.trickyId, at, deleteCount: 3, insert: 'samt 🙂 också' });
    expect(r.removed).toEqual([]);
    expect(r.flagged.sort()).toEqual([q.around.id, q.inside.id].sort());
    expect(await quote(env, q.before.id)).toBe('Första raden 😀');
    expect(await quote(env, q.after.id)).toBe('Tredje rad');
    expect(await quote(env, q.acrossStart.id)).toBe('café samt');
    expect(await quote(env, q.acrossEnd.id)).toBe('👨‍👩‍👧ilj');
    expect(await quote(env, q.around.id)).toBe('fam👨‍👩‍👧ilj samt 🙂 också café');
    expect(await quote(env, q.inside.id)).toBe('samt 🙂 också');
    expect((await env.call('quotations.get', { id: q.around.id })).needsReview).toBe(true);
    expect((await env.call('quotations.get', { id: q.after.id })).needsReview).toBe(false);
    expect(consistency(env.p)).toEqual([]);
    // one undo step restores every row, the text included
    expect((await env.call('history.state', {})).undoAction).toBe('documents.editText');
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    env.session.closeProject();
  });

  it('an edit across a quotation edge changes that quotation only; deleting all its words removes it', async () => {
    const { env, text, q } = await setUp();
    // delete "ilj och c": the end of "fam…ilj" … and the start of "café samt"
    const at = text.indexOf('ilj och c');
    const r = await env.call('documents.editText', { id: env.trickyId, at, deleteCount: 'ilj och c'.length, insert: '' });
    expect(r.removed).toEqual([q.inside.id]);
    expect(new Set(r.flagged)).toEqual(new Set([q.around.id, q.acrossStart.id, q.acrossEnd.id]));
    expect(await quote(env, q.acrossStart.id)).toBe('afé samt');
    expect(await quote(env, q.acrossEnd.id)).toBe('👨‍👩‍👧');
    expect(await quote(env, q.before.id)).toBe('Första raden 😀');
    expect(await quote(env, q.after.id)).toBe('Tredje rad');
    await env.call('history.undo', {});
    expect(await quote(env, q.inside.id)).toBe('och');
    env.session.closeProject();
  });

  it('an inserted combining mark composes with the letter before it, and the quotation holding it is flagged', async () => {
    const { env, text, q } = await setUp();
    // "Tredje rad" → "Tredje råd" by inserting U+030A after the "a" of "rad"
    const at = text.indexOf('rad: slut') + 2;
    const r = await env.call('documents.editText', { id: env.trickyId, at, deleteCount: 0, insert: '\u030A' });
    expect(r.chars).toBe(text.length);
    expect(await quote(env, q.after.id)).toBe('Tredje råd');
    expect(r.flagged).toEqual([q.after.id]);
    expect(await quote(env, q.before.id)).toBe('Första raden 😀');
    env.session.closeProject();
  });

  it('text typed at a quotation edge stays outside it; an emoji pair cannot be split', async () => {
    const { env, text, q } = await setUp();
    const r = await env.call('documents.editText', { id: env.trickyId, at: text.indexOf('Tredje rad'), deleteCount: 0, insert: '🎉 ' });
    expect(r.flagged).toEqual([]);
    expect(r.shifted).toBe(1);
    expect(await quote(env, q.after.id)).toBe('Tredje rad');
    const emoji = text.indexOf('😀');
    await expect(env.call('documents.editText', { id: env.trickyId, at: emoji + 1, deleteCount: 1, insert: '' })).rejects.toThrow(/splits a character/);
    await expect(env.call('documents.editText', { id: env.trickyId, at: text.length + 10, deleteCount: 0, insert: 'x' })).rejects.toThrow(/outside the text/);
    env.session.closeProject();
  });

  it('speaker turns follow the text; a reviewed quotation loses its flag', async () => {
    const env = makeEnv(dir);
    const doc = await env.call('documents.get', { id: env.interviewId });
    const turnTexts = (d: typeof doc) => d.turnList.map((t) => d.text.slice(t.start, t.end));
    const old = turnTexts(doc);
    const at = doc.text.indexOf('informellt');
    const qq = await env.call('quotations.create', { documentId: env.interviewId, start: at, end: at + 'informellt'.length });
    await env.call('documents.editText', { id: env.interviewId, at, deleteCount: 'informellt'.length, insert: 'helt och hållet informellt' });
    const now = await env.call('documents.get', { id: env.interviewId });
    expect(turnTexts(now)).toEqual(old.map((t) => t.replace('informellt', 'helt och hållet informellt')));
    // typing at the end of a turn adds to that turn
    const last = now.turnList.at(-1)!;
    await env.call('documents.editText', { id: env.interviewId, at: last.end, deleteCount: 0, insert: ' Mycket fort.' });
    const again = await env.call('documents.get', { id: env.interviewId });
    expect(turnTexts(again).at(-1)).toBe('BB: Det gick fort. Mycket fort.');
    expect((await env.call('quotations.get', { id: qq.id })).needsReview).toBe(true);
    expect((await env.call('quotations.update', { id: qq.id, reviewed: true })).needsReview).toBe(false);
    env.session.closeProject();
  });
});
