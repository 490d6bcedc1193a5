/**
 * Example quotes are chosen, not drawn: quotations pinned as typical print first, in the
 * user's order (one undoable step), in the table and in the DOCX; a quotation is never printed
 * twice (a parent and its child share it); without pins the choice prefers a readable length.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import type { ThemeBullet } from '../../shared/contract/tables';
import { readDocx } from '../reports/docx-xml';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('analysis-typical');
let p: Project;
let session: Session;
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);
let parent: number;
let child: number;
let other: number;
/** Sentences of known length, one per line, in each of three interviews. */
const SHORT = 'Ja, precis.';
const GOOD = 'Vi bollar ärendena med varandra i korridoren, och det är där de svåra besluten egentligen växer fram innan de når ledningsgruppen på tisdagarna.';
const LONG = `${'Och sedan blir det så att man ringer runt och stämmer av med alla som kan tänkas veta något om familjen, '.repeat(6)}slut.`;
const quotes: Record<string, number> = {};

beforeAll(() => {
  p = Project.create(path.join(dir, 'typiska.rodtrad'));
  p.transaction(() => {
    const tema = createCode(p, { name: 'Tema' });
    parent = createCode(p, { name: 'Bollande', parentId: tema });
    child = createCode(p, { name: 'avstämning och uppföljning', parentId: parent });
    other = createCode(p, { name: 'Samordning', parentId: tema });
    for (const nr of [1, 2, 3]) {
      const text = [SHORT, GOOD, LONG, `Intervju ${nr} slutar här.`].join('\n');
      const doc = insertDocument(p, { name: `Gruppintervju ${nr}`, kind: 'interview', text, attributes: { nr: String(nr) } });
      const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
      // The child's only quotations also carry the parent: each must print once.
      quotes[`shared${nr}`] = createQuotation(p, { documentId: doc, start: at(GOOD)[0], end: at(GOOD)[1], codeIds: [parent, child] });
      quotes[`long${nr}`] = createQuotation(p, { documentId: doc, start: at(LONG)[0], end: at(LONG)[1], codeIds: [parent] });
      quotes[`short${nr}`] = createQuotation(p, { documentId: doc, start: at(SHORT)[0], end: at(SHORT)[1], codeIds: [other] });
      quotes[`good${nr}`] = createQuotation(p, { documentId: doc, start: at(GOOD)[0] + 3, end: at(GOOD)[1], codeIds: [other] });
    }
  });
  session = new Session('test', p);
});
afterAll(() => session.closeProject());

const spec = { caption: 'Tabell 1', sections: [{ path: 'Tema', columns: false }] };
const flat = (bs: ThemeBullet[]): ThemeBullet[] => bs.flatMap((b) => [b, ...flat(b.children)]);

async function bullets(quotesPerCode: number): Promise<ThemeBullet[]> {
  const t = await call('tables.themeTable', { spec, options: { quotes: quotesPerCode, quoteMaxChars: 300 } });
  return t.sections.flatMap((s) => s.columns.flatMap((c) => flat(c.items)));
}

describe('example quotes', () => {
  it('never prints a quotation twice, though a parent and its child share it', async () => {
    const all = await bullets(3);
    const shown = all.flatMap((b) => b.quotes.map((q) => q.quotationId));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown).size).toBe(shown.length);
    // The sub-code is filled first (its quotations are the more specific examples); the parent takes others.
    const shared = [quotes.shared1!, quotes.shared2!, quotes.shared3!];
    expect(all.find((b) => b.codeId === child)!.quotes.map((q) => q.quotationId).sort()).toEqual([...shared].sort());
    expect(all.find((b) => b.codeId === parent)!.quotes.some((q) => shared.includes(q.quotationId))).toBe(false);
  });

  it('prefers a quotation of readable length, from different interviews', async () => {
    const samordning = (await bullets(2)).find((b) => b.codeId === other)!;
    expect(samordning.quotes.map((q) => q.text.length).every((n) => n > 40)).toBe(true);
    const docs = samordning.quotes.map((q) => Object.entries(quotes).find(([, id]) => id === q.quotationId)![0].slice(-1));
    expect(new Set(docs).size).toBe(2);
  });

  it('prints pinned quotes first, in the order pinned, in the table and the DOCX; one undo removes the pins', async () => {
    // The second pin also carries the sub-code, which is filled first: the pin keeps it for the parent.
    const pins = [quotes.long3!, quotes.shared1!];
    expect(await call('quotations.setTypical', { codeId: parent, quotationIds: pins })).toEqual(pins);
    expect(await call('quotations.typical', { codeId: parent })).toEqual(pins);
    const all = await bullets(1);
    expect(all.find((x) => x.codeId === parent)!.quotes.map((q) => q.quotationId)).toEqual(pins);
    expect(all.find((x) => x.codeId === child)!.quotes.map((q) => q.quotationId)).not.toContain(quotes.shared1);
    const doc = await readDocx(Buffer.from((await call('tables.exportThemeTable', { spec, options: { quotes: 1, quoteMaxChars: 60 }, format: 'docx' })).base64!, 'base64'));
    const text = doc.tables[0]!.flat().join('\n');
    expect(text).toMatch(/Bollande[\s\S]*Och sedan blir det så[\s\S]*\(Gruppintervju 3\)[\s\S]*Vi bollar ärendena[\s\S]*\(Gruppintervju 1\)[\s\S]*avstämning och uppföljning/);
    // the pins are a quotation filter too, everywhere quotations are listed
    const listed = await call('quotations.query', { typical: true, codeIds: [parent] });
    expect(listed.rows.map((r) => r.id).sort()).toEqual([...pins].sort());
    expect((await call('quotations.query', { typical: true, codeIds: [other] })).total).toBe(0);
    await call('history.undo', {});
    expect(await call('quotations.typical', { codeId: parent })).toEqual([]);
    await call('history.redo', {});
    expect(await call('quotations.typical', { codeId: parent })).toEqual(pins);
  });

  it('refuses to pin a quotation that does not carry the code', async () => {
    await expect(call('quotations.setTypical', { codeId: child, quotationIds: [quotes.long1!] })).rejects.toThrow('is not coded with "avstämning och uppföljning"');
  });
});
