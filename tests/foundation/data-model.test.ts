import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setDocumentAttribute, setSpeakerAttribute, attributeLevels } from '../../electron/core/attributes/store';
import { codeByPath, codeTree, createCode, joinCodePath, splitCodePath } from '../../electron/core/coding/codes';
import { createQuotation, listQuotations } from '../../electron/core/coding/quotations';
import { findDocumentByName, insertDocument } from '../../electron/core/documents/store';
import { getDocument, listDocuments } from '../../electron/core/documents/queries';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('model');
let n = 0;
const project = (): Project => Project.create(path.join(dir, `m${++n}.rodtrad`));
const count = (p: Project, table: string): number => p.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const TEXT = 'I: Hur samverkar ni?\nAL: Vi bollar ärenden varje dag 😀 och sedan följer vi upp.\nI: Och sekretessen?';

describe('the data model', () => {
  it('gives every entity a GUID', () => {
    const p = project();
    const tables = p.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%guid%'").pluck().all() as string[];
    expect(tables.sort()).toEqual(['attributes', 'coders', 'codes', 'document_groups', 'documents', 'layouts', 'memos', 'quotations', 'speakers'].sort());
    p.close();
  });

  it('stores a document with speakers, turns and attributes, and reads it back', () => {
    const p = project();
    const id = insertDocument(p, {
      name: 'Gruppintervju 1',
      kind: 'interview',
      text: TEXT,
      sourceName: 'gruppintervju-1.txt',
      turns: [
        { start: 0, end: 20, speaker: 'I', timestamp: 0 },
        { start: 21, end: 78, speaker: 'AL', timestamp: 12.5 },
        { start: 79, end: TEXT.length, speaker: 'I', timestamp: null },
      ],
      speakers: [{ label: 'I', isInterviewer: true }],
      attributes: { termin: 'HT16', grupp: 'chef' },
    });
    const doc = getDocument(p, id);
    expect(doc.text).toBe(TEXT);
    expect(doc.chars).toBe(TEXT.length);
    expect(doc.turnList.map((t) => [t.start, t.end, t.timestamp])).toEqual([[0, 20, 0], [21, 78, 12.5], [79, TEXT.length, null]]);
    expect(doc.speakerList.map((s) => [s.label, s.isInterviewer])).toEqual([['I', true], ['AL', false]]);
    expect(doc.attributes).toEqual({ termin: 'HT16', grupp: 'chef' });
    expect(listDocuments(p)[0]).toMatchObject({ name: 'Gruppintervju 1', turns: 3, speakers: ['I', 'AL'] });
    expect(findDocumentByName(p, 'gruppintervju-1')).toBe(id);
    expect(findDocumentByName(p, 'gruppintervju-1.txt')).toBe(id);
    expect(() => insertDocument(p, { name: 'x', kind: 'other', text: 'a\r\nb' })).toThrow(/NFC/);
    p.close();
  });

  it('keeps attribute values in their order of first appearance', () => {
    const p = project();
    for (const [i, term] of ['HT16', 'VT17', 'HT17', 'VT17', 'HT16'].entries()) {
      const id = insertDocument(p, { name: `d${i}`, kind: 'interview', text: 'x' });
      setDocumentAttribute(p, id, 'termin', term);
    }
    expect(attributeLevels(p, 'termin')).toEqual(['HT16', 'VT17', 'HT17']);
    const doc = insertDocument(p, { name: 'talare', kind: 'interview', text: 'AL: x', turns: [{ start: 0, end: 5, speaker: 'AL', timestamp: null }] });
    setSpeakerAttribute(p, getDocument(p, doc).speakerList[0]!.id, 'roll', 'socialsekreterare');
    expect(getDocument(p, doc).speakerList[0]!.attributes).toEqual({ roll: 'socialsekreterare' });
    p.close();
  });

  it('quotations count UTF-16 units, even after emoji; the quotation text is exactly the span', () => {
    const p = project();
    const doc = insertDocument(p, { name: 'd', kind: 'interview', text: TEXT });
    const code = codeByPath(p, 'Påverkansfaktorer/Tolkning av sekretessbestämmelser', { create: true });
    const start = TEXT.indexOf('och sedan');
    createQuotation(p, { documentId: doc, start, end: start + 'och sedan'.length, codeIds: [code] });
    expect(listQuotations(p, { documentId: doc })[0]!.text).toBe('och sedan');
    expect(() => createQuotation(p, { documentId: doc, start: 5, end: TEXT.length + 1 })).toThrow(/does not lie within/);
    p.close();
  });

  it('codes: unique among siblings, paths with "/" in names, counts alone and with sub-codes', () => {
    const p = project();
    const top = createCode(p, { name: 'Motiv och drivkrafter' });
    const slash = createCode(p, { name: 'Hantera osäkerhet/känslor', parentId: top });
    expect(() => createCode(p, { name: 'Motiv och drivkrafter' })).toThrow(/already exists/);
    createCode(p, { name: 'Motiv och drivkrafter', parentId: top }); // same name, other level: fine
    expect(codeByPath(p, joinCodePath(['Motiv och drivkrafter', 'Hantera osäkerhet/känslor']))).toBe(slash);
    expect(splitCodePath('A\\/B/C')).toEqual(['A/B', 'C']);
    const doc = insertDocument(p, { name: 'd', kind: 'interview', text: TEXT });
    createQuotation(p, { documentId: doc, start: 0, end: 5, codeIds: [slash] });
    createQuotation(p, { documentId: doc, start: 6, end: 10, codeIds: [top, slash] });
    const tree = codeTree(p);
    const topRow = tree.find((c) => c.id === top)!;
    expect([topRow.quotations, topRow.quotationsDeep, topRow.documentsDeep]).toEqual([1, 2, 1]);
    expect(tree.find((c) => c.id === slash)!.path).toBe('Motiv och drivkrafter/Hantera osäkerhet\\/känslor');
    p.close();
  });

  it('cascades: deleting a document removes its turns, speakers, quotations, links and memos; deleting a code removes only links', () => {
    const p = project();
    const doc = insertDocument(p, { name: 'd', kind: 'interview', text: TEXT, turns: [{ start: 0, end: 20, speaker: 'I', timestamp: null }], attributes: { termin: 'HT16' } });
    const c1 = createCode(p, { name: 'A' });
    const c2 = createCode(p, { name: 'B' });
    const q = createQuotation(p, { documentId: doc, start: 0, end: 5, codeIds: [c1, c2] });
    p.db.prepare("INSERT INTO memos(guid, title, quotation_id, created_at, modified_at) VALUES ('g', 'Memo', ?, 'now', 'now')").run(q);
    p.db.prepare('DELETE FROM codes WHERE id = ?').run(c1);
    expect(count(p, 'quotation_codes')).toBe(1);
    expect(count(p, 'quotations')).toBe(1);
    p.db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
    for (const t of ['turns', 'speakers', 'quotations', 'quotation_codes', 'memos', 'document_attribute_values']) expect(count(p, t), t).toBe(0);
    expect(count(p, 'codes')).toBe(1);
    expect(p.db.pragma('foreign_key_check')).toEqual([]);
    p.close();
  });

  it('bumps the content version when searchable content changes, not when coding changes', () => {
    const p = project();
    const v0 = p.contentVersion();
    const doc = insertDocument(p, { name: 'd', kind: 'interview', text: TEXT });
    const v1 = p.contentVersion();
    expect(v1).toBeGreaterThan(v0);
    createQuotation(p, { documentId: doc, start: 0, end: 5 });
    expect(p.contentVersion()).toBe(v1);
    setDocumentAttribute(p, doc, 'grupp', 'chef');
    expect(p.contentVersion()).toBeGreaterThan(v1);
    p.close();
  });
});
