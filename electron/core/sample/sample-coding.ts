/**
 * The sample project arrives coded, so a newcomer sees the theme table, the term report and
 * the matrix with content on first start. The coding is made here from the sample corpus
 * itself (our own fictional texts), by two fictional coders who split the districts between
 * them as a team would: Karin Ek codes Norrdal, Jonas Lund Söderby. A sentence outside the
 * interviewer's turns that holds one of a code's cue words becomes a quotation with that code;
 * sentences hit by several codes are one quotation with all of them.
 */
import { bundledLayouts, saveLayout } from '../analysis/layouts';
import { ensureAttribute } from '../attributes/store';
import { codeByPath } from '../coding/codes';
import { insertCheckedQuotation } from '../coding/quotations';
import type { Project } from '../project/project';

export const SAMPLE_CODERS = { norrdal: 'Karin Ek', soderby: 'Jonas Lund' } as const;

const UTTRYCK = 'Den informella organiseringens uttryck';
const KONTAKTER = `${UTTRYCK}/I professionella kontakter`;
const KLIENTEN = `${UTTRYCK}/I situationer där klienten medverkar`;
const MOTIV = 'Motiv och drivkrafter';
const PAVERKAN = 'Påverkansfaktorer';

/** Code path → the beginnings of words (or short phrases) that mark a sentence for it. */
const CUES: [path: string, cues: string[]][] = [
  [`${KONTAKTER}/Bollande/Informationsutbyte, diskussion`, ['bollar', 'bolla', 'diskuter', 'pratar ihop', 'tipsa']],
  [`${KONTAKTER}/Bollande/avstämning och uppföljning`, ['stämma av', 'stämmer av', 'avstämning', 'följa upp', 'följer upp']],
  [`${KONTAKTER}/Bollande/ömsesidig konsultation`, ['rådfråga', 'med en kollega', 'kollegas dörr', 'har du fem minuter', 'frågar varandra']],
  [`${KONTAKTER}/Samordning, driva ärendet framåt`, ['samordn', 'samverk', 'driva ärendet', 'driver ärendet', 'framåt']],
  [`${KLIENTEN}/Informell företrädare för klienten`, ['företräd', 'för klientens räkning', 'för familjens räkning', 'ringer åt']],
  [`${KLIENTEN}/Tänja på uppdrag och formellt ansvar`, ['tänja', 'tänjer', 'utanför uppdraget', 'egentligen inte vårt', 'inte mitt bord', 'formellt ansvar']],
  [`${KLIENTEN}/Improviserade möten och samarbeten`, ['spontan', 'korridor', 'improvis', 'i fikarummet', 'över en kopp']],
  [`${MOTIV}/Lösa de egna arbetsuppgifterna`, ['hinna', 'hinner', 'få det gjort', 'få ihop']],
  [`${MOTIV}/Hålla samman hjälpen till klienten`, ['hålla ihop', 'håller ihop', 'helhet', 'hålla samman']],
  [`${MOTIV}/Hantera osäkerhet\\/känslor kopplade till arbetet`, ['osäker', 'oro', 'känslo', 'jobbigt', 'tungt', 'ensam']],
  [`${MOTIV}/Etablera och värna om personliga relationer och informella kanaler för arbetet – tillitsskapande`, ['förtroende', 'tillit', 'känner varandra', 'personlig kontakt']],
  [`${PAVERKAN}/Andra aktörer som drar sig tillbaka och definierar sitt uppdrag snävare – både begränsande och pådrivande faktor`, ['skolan', 'vården', 'psykiatrin', 'polisen', 'försäkringskassan', 'arbetsförmedlingen']],
  [`${PAVERKAN}/Arbetsbelastning och personalomsättning`, ['ärenden per', 'belastning', 'sjukskriv', 'slutat', 'slutar', 'nyanställ', 'omsättning', 'vakans', 'hyrsocionom', 'konsulter']],
  [`${PAVERKAN}/Storleken på kommuner och IFO-organisationer`, ['annan kommun', 'vilken kommun', 'liten kommun', 'stor kommun', 'storleken', 'stor förvaltning']],
  [`${PAVERKAN}/Geografiskt och fysiskt avstånd mellan aktörer`, ['avstånd', 'våning', 'andra sidan stan', 'samma korridor', 'flyttat']],
  [`${PAVERKAN}/Ledningens inställning`, ['ledningen', 'ledningsdag', 'chefen', 'min chef', 'stöd från']],
  [`${PAVERKAN}/Tolkning av sekretessbestämmelser`, ['sekretess', 'samtycke']],
  [`${PAVERKAN}/Arbetsplatskultur`, ['kultur', 'stämning', 'klimatet', 'skojas', 'vi-känsla']],
  [`${PAVERKAN}/Yrkeserfarenhet`, ['erfaren', 'erfarenhet', 'ny som', 'nyexaminer', 'arbetat längst']],
  [`${PAVERKAN}/Personer med Nav-funktion`, ['spindeln', 'vet allt', 'alla frågar', 'nav i', 'kicki på']],
  [`${PAVERKAN}/Personliga & privata relationer mellan aktörer`, ['någon jag känner', 'han som jag känner', 'känner personen', 'privat', 'bekant', 'vänner']],
  [`${PAVERKAN}/Personligt intresse och engagemang`, ['engage', 'brinner för', 'eldsjäl', 'intresse']],
];

/** Per code and document: enough for example quotes in a theme table, not every mention. */
const PER_CODE_AND_DOCUMENT = 3;

interface Span {
  start: number;
  end: number;
}

/** The sentences of a stretch of text, trimmed, as offsets into the document. */
function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const re = /[^.!?…]+[.!?…]*[”"]?/g;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    // a speaker label or a timestamp alone is no sentence
    if (body.length < 25) continue;
    out.push({ start: from + m.index + lead, end: from + m.index + lead + body.length });
  }
  return out;
}

/** Where a cue begins a word in the lower-cased sentence. */
function hasCue(sentence: string, cue: string): boolean {
  for (let at = sentence.indexOf(cue); at >= 0; at = sentence.indexOf(cue, at + 1)) {
    if (at === 0 || !/\p{L}/u.test(sentence[at - 1]!)) return true;
  }
  return false;
}

/** The stretches a coder reads: the participants' turns of an interview, or a field note's paragraphs. */
function readableStretches(p: Project, documentId: number, text: string): Span[] {
  const turns = p.db
    .prepare('SELECT t.start, t."end" AS end FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? AND coalesce(s.is_interviewer, 0) = 0 ORDER BY t.start')
    .all(documentId) as Span[];
  if (turns.length > 0) return turns;
  const paragraphs: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return paragraphs;
}

/** Codes the sample corpus (inside the caller's transaction); returns the number of quotations made. */
export function codeSampleCorpus(p: Project): number {
  const codes = CUES.map(([path, cues]) => ({ id: codeByPath(p, path), cues }));
  const coders = { Norrdal: p.ensureCoder(SAMPLE_CODERS.norrdal), Söderby: p.ensureCoder(SAMPLE_CODERS.soderby) };
  const districtAttr = ensureAttribute(p, 'stadsdel', 'document', 'text');
  const docs = p.db
    .prepare('SELECT d.id, d.text, v.value AS district FROM documents d LEFT JOIN document_attribute_values v ON v.document_id = d.id AND v.attribute_id = ? ORDER BY d.id')
    .all(districtAttr) as { id: number; text: string; district: string | null }[];
  let made = 0;
  for (const doc of docs) {
    const coderId = doc.district === 'Söderby' ? coders.Söderby : coders.Norrdal;
    const used = new Map<number, number>();
    for (const stretch of readableStretches(p, doc.id, doc.text)) {
      for (const s of sentences(doc.text, stretch.start, stretch.end)) {
        const lower = doc.text.slice(s.start, s.end).toLowerCase();
        const codeIds = codes.filter((c) => (used.get(c.id) ?? 0) < PER_CODE_AND_DOCUMENT && c.cues.some((cue) => hasCue(lower, cue))).map((c) => c.id);
        if (codeIds.length === 0) continue;
        for (const id of codeIds) used.set(id, (used.get(id) ?? 0) + 1);
        insertCheckedQuotation(p, { documentId: doc.id, start: s.start, end: s.end, codeIds, coderId });
        made++;
      }
    }
  }
  return made;
}

/** The name of the sample's saved theme table: Table 1 with counts and an example per code. */
export const SAMPLE_LAYOUT = 'Tabell 1 med exempel';

/**
 * Saves Table 1's layout with "k av n" counts and two example quotations per code, so the
 * theme table the newcomer opens first shows what the coding found, not only the code tree.
 */
export function saveSampleLayout(p: Project): void {
  const table1 = bundledLayouts(p).find((l) => l.name === 'ifo-table1');
  if (!table1) return;
  saveLayout(p, SAMPLE_LAYOUT, { ...table1.spec, options: { counts: 'k-of-n', quotes: 2, quoteMaxChars: 200, sourceTemplate: '({dokument})' } });
}
