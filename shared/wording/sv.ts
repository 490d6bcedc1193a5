/** Every report sentence in Swedish (the forms are listed in types.ts). */
import { formatDecimal, formatInteger, formatPercent } from '../format/numbers';
import type { DocumentKindName, RankPlace, Wording } from './types';

const WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
const ORDINALS = ['', 'första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde', 'elfte', 'tolfte'];
const KINDS: Record<DocumentKindName, string> = { interview: 'intervju', fieldnote: 'fältanteckning', survey: 'enkätsvar', memo: 'memo', other: 'övrigt' };

const count = (n: number): string => (n >= 0 && n < WORDS.length ? WORDS[n]! : formatInteger(n, 'sv'));
/** Both figures as words when both are small, else both as figures ("två av de tre", "9 av de 30"). */
const pair = (k: number, n: number): [string, string] => (n < WORDS.length ? [count(k), count(n)] : [formatInteger(k, 'sv'), formatInteger(n, 'sv')]);
const list = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`);
const ordinal = (rank: number): string => ORDINALS[rank] ?? `${rank}:e`;

function place(p: RankPlace): string {
  const kn = `${formatInteger(p.k, 'sv')} av ${formatInteger(p.n, 'sv')}`;
  return p.names.length > 1 ? `${list(p.names)}, som delar ${ordinal(p.rank)} platsen (${kn} vardera)` : `${p.names[0]} (${kn})`;
}

/** REFI-QDA position units in words (positions.ts names them). */
const SV_UNITS: Record<string, string> = {
  codepoints: 'som tecken (kodpunkter, som standarden säger)',
  utf16: 'i UTF-16-enheter (som NVivo: en emoji är två)',
  'codepoints-lf': 'som tecken, radslut LF (CRLF som ett tecken)',
  'utf16-lf': 'i UTF-16-enheter, radslut LF (CRLF som en enhet)',
};

export const sv: Wording = {
  lang: 'sv',
  count,
  kind: (k) => KINDS[k],
  filter({ kinds, groups, where, documents }) {
    const parts: string[] = [];
    if (kinds?.length) parts.push(`typ: ${kinds.map((k) => KINDS[k]).join(' eller ')}`);
    if (groups?.length) parts.push(`grupp: ${groups.join(' eller ')}`);
    for (const [k, v] of Object.entries(where ?? {})) if (v.length) parts.push(`${k} = ${v.join(' eller ')}`);
    if (documents !== undefined) parts.push(`${formatInteger(documents, 'sv')} utvalda dokument`);
    return parts.join('; ');
  },
  raised({ name, k, n, percent, split }) {
    let s: string;
    if (n === 0) s = `${name}: inga intervjuer genomfördes`;
    else if (n === 1) s = k === 0 ? `${name} togs inte upp i den enda intervjun` : `${name} togs upp i den enda intervjun`;
    else if (n === 2 && k === 2) s = `${name} togs upp i båda intervjuerna`;
    else if (n === 2 && k === 0) s = `${name} togs inte upp i någon av de två intervjuerna`;
    else if (k === n) s = `${name} togs upp i samtliga ${count(n)} intervjuer`;
    else if (k === 0) s = `${name} togs inte upp i någon av de ${count(n)} intervjuerna`;
    else {
      const [a, b] = pair(k, n);
      s = `${name} togs upp i ${a} av de ${b} intervjuerna (${formatPercent(percent ?? 0, 'sv')})`;
    }
    // The split by group says something only when some interviews raised the code and some did not.
    if (k > 0 && k < n && split) s += ` – ${split}`;
    return `${s}.`;
  },
  trend(name, from, to, change) {
    const a = `${formatPercent(from.percent, 'sv')} (${from.term})`;
    const b = `${formatPercent(to.percent, 'sv')} (${to.term})`;
    if (change === 0) return `${name}: ${a} och ${b}, oförändrat.`;
    return `${name}: från ${a} till ${b}, en ${change > 0 ? 'ökning' : 'minskning'} med ${formatDecimal(Math.abs(change), 1, 'sv')} procentenheter.`;
  },
  rankCell: (rank, tied) => (tied ? `${rank} (delad)` : String(rank)),
  ranking(term, places) {
    if (places.length === 0) return `Under ${term} togs ingen av koderna upp.`;
    const [first, ...rest] = places;
    const head =
      first!.names.length > 1
        ? `Under ${term} togs ${list(first!.names)} upp oftast, i lika många intervjuer (${formatInteger(first!.k, 'sv')} av ${formatInteger(first!.n, 'sv')} vardera)`
        : `Under ${term} togs ${first!.names[0]} upp oftast (${formatInteger(first!.k, 'sv')} av ${formatInteger(first!.n, 'sv')})`;
    return rest.length ? `${head}, följt av ${rest.map(place).join(' och ')}.` : `${head}.`;
  },
  notRaised: (term, names) => `Togs inte upp under ${term}: ${list(names)}.`,
  mostMentioned(rows) {
    if (rows.length === 0) return '';
    const top = rows.filter((r) => r.total === rows[0]!.total);
    const times = (n: number): string => `${formatInteger(n, 'sv')} ${n === 1 ? 'gång' : 'gånger'}`;
    const rest = rows.slice(top.length, top.length + 2).map((r) => `${r.label} (${times(r.total)})`);
    const head =
      top.length > 1
        ? `${list(top.map((r) => r.label))} är de svar som nämnts flest gånger, lika många gånger (${times(top[0]!.total)} vardera)`
        : `${top[0]!.label} är det svar som nämnts flest gånger (totalt ${times(top[0]!.total)})`;
    return rest.length ? `${head}, följt av ${list(rest)}.` : `${head}.`;
  },
  termNotes({ term, includeSubcodes, withoutTerm, filter }) {
    const notes = [
      `En kod räknas som upptagen i en intervju när minst ett citat i intervjun är kodat med koden${includeSubcodes ? ' eller någon av dess underkoder' : ''}. n är antalet intervjuer med värdet för ${term}.`,
      'Procent är k/n avrundat till en decimal (0,05 avrundas uppåt).',
    ];
    if (withoutTerm > 0) notes.push(`${formatInteger(withoutTerm, 'sv')} dokument saknar värde för ${term} och är inte med.`);
    if (filter) notes.push(`Urval: ${filter}.`);
    return notes;
  },
  termCountingRule: (sub) => `k av n intervjuer; en intervju räknas en gång per kod${sub ? ' (koden eller någon av dess underkoder)' : ''}, hur många citat den än har.`,
  themeCountingRule: (c) =>
    ({
      none: 'Inga antal visas.',
      quotes: 'Antal citat med koden eller någon av dess underkoder; ett citat räknas en gång.',
      docs: 'Antal dokument med minst ett citat med koden eller någon av dess underkoder.',
      'k-of-n': 'k av n dokument: dokument med minst ett citat med koden eller någon av dess underkoder, av alla dokument i urvalet.',
    })[c],
  matrixCountingRule: (c) =>
    ({
      count: 'Antal citat per kod och kolumn; en överordnad kod räknar med sina underkoders citat.',
      presence: '1 när minst ett citat i kolumnen har koden, annars 0.',
      'k-of-n': 'k av n dokument i kolumnen med minst ett citat med koden.',
      'row-percent': 'Andel av radens citat, i procent med en decimal.',
      'col-percent': 'Andel av kolumnens citat, i procent med en decimal.',
    })[c],
  cooccurrenceCountingRule: (by) =>
    ({
      overlap: 'Par av överlappande citat (ett citat med båda koderna räknas en gång); diagonalen visar kodens egna citat.',
      turn: 'Talarturer där båda koderna förekommer; diagonalen visar kodens egna turer.',
      document: 'Dokument där båda koderna förekommer; diagonalen visar kodens egna dokument.',
    })[by],
  codeMapLegend: (by, min) =>
    `Cirkelns storlek: kodens citat. Linjens bredd: ${({ overlap: 'par av överlappande citat', turn: 'talarturer med båda koderna', document: 'dokument med båda koderna' })[by]}${min > 1 ? ` (minst ${min})` : ''}.`,
  frequencyCountingRule: () => 'Antal svarande per svarsalternativ; procent av alla svarande (eller av dem som svarat när Ej svar inte visas).',
  quotationCountingRule: () => 'En rad per citat och kod.',
  dateTime: (iso) => new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
  provenance(f) {
    return {
      title: 'Så togs underlaget fram',
      rows: [
        ['Projekt', f.project],
        ['Urval', f.filter || 'alla dokument'],
        ...(f.codes === null ? [] : [['Koder', f.codes.length ? f.codes.join('; ') : 'alla koder'] as [string, string]]),
        ['Räkneregel', f.countingRule],
        ['Skapad', sv.dateTime(f.madeAt)],
        ['Program', `Rödtråd ${f.version}`],
        ...(f.privacy ? [['Pseudonymisering', sv.privacyChecked(f.privacy.names)] as [string, string]] : []),
      ],
    };
  },
  allDocuments: 'alla dokument',
  refiPositions(unit, documents) {
    const how = SV_UNITS[unit] ?? unit;
    const which = documents.length <= 3 ? list(documents) : `${formatInteger(documents.length, 'sv')} dokument`;
    return `Positioner räknade ${how}: ${which}.`;
  },
  refiLength: (n, unit) => `${formatInteger(n, 'sv')} ${unit.startsWith('utf16') ? 'UTF-16-enheter' : 'tecken räknade som kodpunkter'}${unit.endsWith('-lf') ? ', CRLF som ett' : ''}`,
  privacyChecked: (names) =>
    `${names > 0 ? `Pseudonymiserad med projektets kodnyckel (${names} namn). ` : ''}Filen lästes tillbaka och kontrollerades innan den lämnades ut: inga ${names > 0 ? 'verkliga namn ur listan, ' : ''}personnummer eller källfilsnamn fanns i den.`,
};
