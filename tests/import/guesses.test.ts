/**
 * What the importer guesses (issue 13 §13, §14): a short transcript with an interviewer and
 * two named speakers is a transcript; a survey column of a few long labels repeated over many
 * respondents (a ranked choice) is closed, and `rodtrad freq --var` works on it at once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../electron/core/import/transcript';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('short transcripts', () => {
  it('an interviewer label and two named speakers, each speaking once, make three turns', () => {
    const text = 'Intervjuare: Hur ser samverkan ut hos er?\nAnna: Vi träffas varje vecka.\nBo: Och vi ringer varandra.';
    const r = parseTranscript(text);
    expect(r.speakers).toEqual([
      { label: 'Intervjuare', isInterviewer: true },
      { label: 'Anna', isInterviewer: false },
      { label: 'Bo', isInterviewer: false },
    ]);
    expect(r.turns.map((t) => text.slice(t.start, t.end))).toEqual(text.split('\n'));
  });

  it('a field note with one interviewer-like line and one heading stays without turns', () => {
    expect(parseTranscript('Intervjuare: Sara\nObservation: lugnt i väntrummet.\nSedan kom fler.').turns).toEqual([]);
    // and without an interviewer, two names speaking once are not enough
    expect(parseTranscript('Anna: Vi träffas.\nBo: Vi ringer.').turns).toEqual([]);
  });
});

const LABELS = [
  '1. Handledning och kollegialt stöd i vardagen',
  '2. Introduktionsprogram och mentorskap för nyanställda',
  '3. Rimlig arbetsbelastning och färre ärenden per handläggare',
  '4. Tydligare rutiner för fördelning av ärenden mellan grupper',
  '5. Möjlighet till kompetensutveckling och vidareutbildning',
  '6. Bättre lokaler och arbetsmiljö på kontoret',
  '7. Lönesättning som speglar erfarenhet och ansvar',
  '8. Ett ledarskap som lyssnar och finns tillgängligt',
  '9. Mindre administration och dokumentationskrav',
  '10. Flexibla arbetstider och möjlighet till distansarbete',
  '11. Samverkan med andra förvaltningar och myndigheter',
  '12. Tydliga mål och uppföljning av verksamheten',
  '13. Stöd från specialister och juridisk kompetens',
  '14. Gemenskap och sammanhållning i arbetsgruppen',
];

describe('survey columns', () => {
  const dir = tempDir('rodtrad-guesses');

  it('a ranked-choice column of 14 long labels over 117 respondents is closed; a free-text column stays open', () => {
    const rows = ['Svarsid;kommit_langst_1;Vad vill du säga till ledningen?'];
    for (let i = 0; i < 117; i++) {
      rows.push(`R${i + 1};${LABELS[(i * 5) % 14]};Jag tycker att ${['vi', 'ni', 'de'][i % 3]} behöver ${i} fler kollegor och mindre stress i vardagen nummer ${i}`);
    }
    const csv = path.join(dir, 'enkat.csv');
    writeFileSync(csv, rows.join('\n'));
    const project = path.join(dir, 'p.rodtrad');
    expect(rodtrad(['new', project]).code).toBe(0);
    const imported = rodtrad(['import', project, csv, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const freq = rodtrad(['freq', project, '--var', 'kommit_langst_1', '--json']);
    expect(freq.code, freq.stderr).toBe(0);
    const table = JSON.parse(freq.stdout) as unknown;
    const text = JSON.stringify(table);
    for (const label of LABELS) expect(text).toContain(label);
    const docs = JSON.parse(rodtrad(['docs', project, '--json']).stdout) as { attributes: Record<string, string>; turns: number }[];
    expect(docs).toHaveLength(117);
    expect(docs[0]!.attributes.kommit_langst_1).toBe(LABELS[0]);
    // the open question is the text, one turn per respondent
    expect(docs.every((d) => d.turns === 1 && !('Vad vill du säga till ledningen?' in d.attributes))).toBe(true);
  });
});
