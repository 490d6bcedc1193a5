/** A tiny project written by the tests themselves: two Swedish group interviews and an English field note. */
import path from 'node:path';
import { insertDocument } from '../../electron/core/documents/store';
import { parseTranscript } from '../../electron/core/import/transcript';
import { Project } from '../../electron/core/project/project';
import { setSpeakerAttribute } from '../../electron/core/attributes/store';

export const INTERVIEW_A = [
  'I: Välkomna hit. Hur har hösten varit?',
  '',
  'CS: Arbetsbelastningen har ökat mycket sedan i somras. Vi har fasta tjänster men ingen tid.',
  '',
  'AL: Nu har socialsekreterarna fått en ny chef. Samverkan med skolan fungerar bra!',
  '',
  'CS: Sekretess är svårt ibland. Det var en idé om samverkan som kom från IFO-chefen.',
  '',
  'I: Och målen för våren?',
].join('\n');

export const INTERVIEW_B = [
  'I: Berätta om ert arbete.',
  '',
  'MK: Min arbetsbelastning är rimlig. Jag tycker att samverkansmöten tar tid.',
  '',
  'JB: Tjänster som är fasta saknas. En ide vore att malen kvarnar långsamt, som man säger.',
].join('\n');

export const FIELDNOTE_EN = [
  'The workload of the social workers is high this spring.',
  '',
  'Cooperation with the schools was discussed at the meeting. The manager said the workers need time.',
].join('\n');

export function writeFixture(dir: string, name = 'sok.rodtrad'): string {
  const file = path.join(dir, name);
  const p = Project.create(file, { name: 'Söktest' });
  try {
    p.transaction(() => {
      addInterview(p, 'intervju-a', INTERVIEW_A, { grupp: 'chef', stadsdel: 'Norrdal' });
      addInterview(p, 'intervju-b', INTERVIEW_B, { grupp: 'medarbetare', stadsdel: 'Söderby' });
      insertDocument(p, { name: 'anteckning-en', kind: 'fieldnote', text: FIELDNOTE_EN, language: null, attributes: { stadsdel: 'Norrdal' } });
      const al = p.db.prepare("SELECT s.id FROM speakers s JOIN documents d ON d.id = s.document_id WHERE d.name = 'intervju-a' AND s.label = 'AL'").pluck().get() as number;
      setSpeakerAttribute(p, al, 'roll', 'samordnare');
    });
  } finally {
    p.close();
  }
  return file;
}

export function addInterview(p: Project, name: string, text: string, attributes: Record<string, string>): number {
  // Short test transcripts: name their speakers rather than rely on labels recurring.
  const labels = [...text.matchAll(/^([A-ZÅÄÖ]{1,3}):/gmu)].map((m) => m[1]!);
  const parsed = parseTranscript(text, { knownLabels: labels });
  return insertDocument(p, { name, kind: 'interview', text, language: 'sv', turns: parsed.turns, speakers: parsed.speakers, attributes });
}
