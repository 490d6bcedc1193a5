/**
 * A method-section paragraph describing how agreement was measured and what came out, in
 * Swedish and English, from the computed figures. The numbers use each language's format.
 */
import { formatDecimal, formatInteger, type Lang } from '../../../shared/format/numbers';
import type { AgreementResult } from './project-agreement';

const UNIT: Record<Lang, Record<AgreementResult['unit'], string>> = {
  sv: { turn: 'repliker', paragraph: 'stycken', sentence: 'meningar', char: 'tecken' },
  en: { turn: 'speaker turns', paragraph: 'paragraphs', sentence: 'sentences', char: 'characters' },
};

export function unitName(unit: AgreementResult['unit'], lang: Lang): string {
  return UNIT[lang][unit];
}

export function figure(x: number | null, lang: Lang, digits = 3): string {
  return x === null ? '–' : formatDecimal(x, digits, lang);
}

export function methodText(r: AgreementResult, lang: Lang): string {
  const n = r.coders.length;
  const codes = r.codes.length;
  const o = r.overall;
  const f = (x: number | null): string => figure(x, lang);
  const ci = o.interval ? (lang === 'sv' ? ` (95 % KI ${f(o.interval.low)}–${f(o.interval.high)}, ${formatInteger(o.interval.samples, lang)} bootstrapurval)` : ` (95% CI ${f(o.interval.low)}–${f(o.interval.high)}, ${formatInteger(o.interval.samples, lang)} bootstrap samples)`) : '';
  if (r.unit === 'char') {
    return lang === 'sv'
      ? `Överensstämmelsen mellan ${n} kodare mättes med Krippendorffs unitiserings-alfa (α_u; Krippendorff 1995, 2004) på teckennivå för ${codes} koder i de ${formatInteger(r.documents.codedByAll, 'sv')} dokument som alla kodarna kodat (${formatInteger(r.documents.characters, 'sv')} tecken). α_u jämför var kodarna börjar och slutar sina citat och straffar både förskjutna gränser och citat som bara en kodare gjort. Över alla koder blev α_u = ${f(o.alpha)}. Beräkningen gjordes i Rödtråd.`
      : `Agreement among ${n} coders was measured with Krippendorff's unitizing alpha (α_u; Krippendorff 1995, 2004) on the character level for ${codes} codes in the ${formatInteger(r.documents.codedByAll, 'en')} documents all coders coded (${formatInteger(r.documents.characters, 'en')} characters). α_u compares where coders begin and end their quotations and penalises both shifted boundaries and quotations only one coder made. Over all codes α_u = ${f(o.alpha)}. Computed with Rödtråd.`;
  }
  const unit = unitName(r.unit, lang);
  const two = n === 2;
  if (lang === 'sv') {
    return [
      `Överensstämmelsen mellan ${n} kodare bedömdes för ${codes} koder med ${unit} som analysenheter (${formatInteger(o.units, 'sv')} enhet×kod-par med värden från minst två kodare).`,
      'För varje kod och enhet noterades om kodarens citat med koden överlappade enheten; en kodare som inte kodat ett dokument räknades som saknat värde där, inte som frånvaro av koden.',
      `Krippendorffs alfa (nominal; Krippendorff 2011) över alla koder blev α = ${f(o.alpha)}${ci}.`,
      two ? `Cohens kappa (Cohen 1960) blev κ = ${f(o.kappa)}, den procentuella överensstämmelsen ${figure(o.percent === null ? null : o.percent * 100, 'sv', 1)} % och Holstis koefficient ${f(o.holsti)}.` : `Den procentuella överensstämmelsen (alla kodare lika) blev ${figure(o.percent === null ? null : o.percent * 100, 'sv', 1)} %.`,
      'Värden per kod redovisas i tabellen. Beräkningen gjordes i Rödtråd.',
    ].join(' ');
  }
  return [
    `Agreement among ${n} coders was assessed for ${codes} codes with ${unit} as units of analysis (${formatInteger(o.units, 'en')} unit × code pairs with values from at least two coders).`,
    "For each code and unit we recorded whether the coder's quotations with the code overlapped the unit; a coder who had not coded a document counted as a missing value there, not as absence of the code.",
    `Krippendorff's alpha (nominal; Krippendorff 2011) over all codes was α = ${f(o.alpha)}${ci}.`,
    two ? `Cohen's kappa (Cohen 1960) was κ = ${f(o.kappa)}, percent agreement ${figure(o.percent === null ? null : o.percent * 100, 'en', 1)}% and Holsti's coefficient ${f(o.holsti)}.` : `Percent agreement (all coders alike) was ${figure(o.percent === null ? null : o.percent * 100, 'en', 1)}%.`,
    'Figures per code are given in the table. Computed with Rödtråd.',
  ].join(' ');
}
