import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFilter } from '../../electron/core/analysis/filter';
import { parseWhere } from '../../electron/cli/where';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

function build(): { p: Project; docs: { id: number; kind: string; termin: string; grupp: string; group: string | null }[] } {
  const p = Project.create(path.join(tempDir('filter'), 'f.rodtrad'));
  const specs = [
    { kind: 'interview', termin: 'HT16', grupp: 'chef', group: 'A' },
    { kind: 'interview', termin: 'HT16', grupp: 'medarbetare', group: 'B' },
    { kind: 'interview', termin: 'VT17', grupp: 'chef', group: 'A' },
    { kind: 'fieldnote', termin: 'VT17', grupp: 'medarbetare', group: null },
    { kind: 'interview', termin: 'HT17', grupp: 'medarbetare', group: 'B' },
  ] as const;
  const docs = p.transaction(() => {
    p.db.prepare("INSERT INTO document_groups(guid, name) VALUES ('g1', 'A'), ('g2', 'B')").run();
    return specs.map((s, i) => {
      const id = insertDocument(p, { name: `D${i}`, kind: s.kind, text: `text ${i}`, attributes: { termin: s.termin, grupp: s.grupp } });
      if (s.group) p.db.prepare('INSERT INTO document_group_members(group_id, document_id) SELECT id, ? FROM document_groups WHERE name = ?').run(id, s.group);
      return { id, ...s };
    });
  });
  return { p, docs };
}

describe('document filter', () => {
  it('ORs values within an attribute and ANDs across attributes, kinds and groups', () => {
    const { p, docs } = build();
    const check = (items: string[], keep: (d: (typeof docs)[number]) => boolean): void => {
      const r = resolveFilter(p, parseWhere(items));
      expect(r.ids).toEqual(docs.filter(keep).map((d) => d.id));
    };
    check([], () => true);
    check(['termin=HT16', 'termin=VT17'], (d) => d.termin === 'HT16' || d.termin === 'VT17');
    check(['termin=HT16,HT17', 'grupp=medarbetare'], (d) => (d.termin === 'HT16' || d.termin === 'HT17') && d.grupp === 'medarbetare');
    check(['kind=fieldnote'], (d) => d.kind === 'fieldnote');
    check(['group=A', 'termin=VT17'], (d) => d.group === 'A' && d.termin === 'VT17');
    check(['group=A', 'group=B', 'kind=interview'], (d) => d.group !== null && d.kind === 'interview');
    expect(resolveFilter(p, {}).all).toBe(true);
    p.close();
  });

  it('names unknown attributes and groups and rejects malformed --where', () => {
    const { p } = build();
    expect(() => resolveFilter(p, parseWhere(['stadsdel=Norr']))).toThrow(/stadsdel/);
    expect(() => resolveFilter(p, parseWhere(['group=Z']))).toThrow(/"Z"/);
    expect(() => parseWhere(['termin'])).toThrow(/attribute=value/);
    expect(() => parseWhere(['kind=podcast'])).toThrow(/kind must be/);
    p.close();
  });
});
