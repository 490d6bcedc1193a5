/** Source labels read Swedish in a Swedish table (issue 13, point 15): Swedish placeholders, the kind in Swedish. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceLabels } from '../../electron/core/analysis/source-label';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

describe('source labels', () => {
  it('take {dokument}, {typ}, {nummer} beside the English names, and print the kind in the table\'s language', () => {
    const p = Project.create(path.join(tempDir('rodtrad-source-label'), 'p.rodtrad'));
    try {
      const id = p.transaction(() => insertDocument(p, { name: 'Gruppintervju 1', kind: 'interview', text: 'I: Hej.\n\nAB: Hej själv.', attributes: { nr: '7' } }));
      const q = [{ id: 1, documentId: id, start: 0 }];
      expect(sourceLabels(p, '({dokument}, {typ}, {nummer}, {nr})', q).get(1)).toBe('(Gruppintervju 1, intervju, 1, 7)');
      expect(sourceLabels(p, '({document}, {kind})', q, 'en').get(1)).toBe('(Gruppintervju 1, interview)');
      expect(sourceLabels(p, '({document}, {kind})', q, 'sv').get(1)).toBe('(Gruppintervju 1, intervju)');
    } finally {
      p.close();
    }
  });
});
