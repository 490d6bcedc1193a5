/** Every report sentence in English (the forms are listed in types.ts). */
import { formatDecimal, formatInteger, formatPercent } from '../format/numbers';
import type { DocumentKindName, RankPlace, Wording } from './types';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const KINDS: Record<DocumentKindName, string> = { interview: 'interview', fieldnote: 'field note', survey: 'survey response', memo: 'memo', other: 'other' };

const count = (n: number): string => (n >= 0 && n < WORDS.length ? WORDS[n]! : formatInteger(n, 'en'));
const pair = (k: number, n: number): [string, string] => (n < WORDS.length ? [count(k), count(n)] : [formatInteger(k, 'en'), formatInteger(n, 'en')]);
const list = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
const ordinal = (rank: number): string => ORDINALS[rank] ?? `${rank}th`;

function place(p: RankPlace): string {
  const kn = `${formatInteger(p.k, 'en')} of ${formatInteger(p.n, 'en')}`;
  return p.names.length > 1 ? `${list(p.names)}, tied in ${ordinal(p.rank)} place (${kn} each)` : `${p.names[0]} (${kn})`;
}

/** REFI-QDA position units in words (positions.ts names them). */
const EN_UNITS: Record<string, string> = {
  codepoints: 'as characters (code points, as the standard says)',
  utf16: 'in UTF-16 units (as NVivo does: an emoji is two)',
  'codepoints-lf': 'as characters, line ends LF (a CRLF as one character)',
  'utf16-lf': 'in UTF-16 units, line ends LF (a CRLF as one unit)',
};

export const en: Wording = {
  lang: 'en',
  count,
  kind: (k) => KINDS[k],
  filter({ kinds, groups, where, documents }) {
    const parts: string[] = [];
    if (kinds?.length) parts.push(`kind: ${kinds.map((k) => KINDS[k]).join(' or ')}`);
    if (groups?.length) parts.push(`group: ${groups.join(' or ')}`);
    for (const [k, v] of Object.entries(where ?? {})) if (v.length) parts.push(`${k} = ${v.join(' or ')}`);
    if (documents !== undefined) parts.push(`${formatInteger(documents, 'en')} chosen document${documents === 1 ? '' : 's'}`);
    return parts.join('; ');
  },
  raised({ name, k, n, percent, split }) {
    let s: string;
    if (n === 0) s = `${name}: no interviews were held`;
    else if (n === 1) s = k === 0 ? `${name} was not raised in the only interview` : `${name} was raised in the only interview`;
    else if (n === 2 && k === 2) s = `${name} was raised in both interviews`;
    else if (n === 2 && k === 0) s = `${name} was not raised in either of the two interviews`;
    else if (k === n) s = `${name} was raised in all ${count(n)} interviews`;
    else if (k === 0) s = `${name} was not raised in any of the ${count(n)} interviews`;
    else {
      const [a, b] = pair(k, n);
      s = `${name} was raised in ${a} of the ${b} interviews (${formatPercent(percent ?? 0, 'en')})`;
    }
    // The split by group says something only when some interviews raised the code and some did not.
    if (k > 0 && k < n && split) s += ` – ${split}`;
    return `${s}.`;
  },
  trend(name, from, to, change) {
    const a = `${formatPercent(from.percent, 'en')} (${from.term})`;
    const b = `${formatPercent(to.percent, 'en')} (${to.term})`;
    if (change === 0) return `${name}: ${a} and ${b}, unchanged.`;
    return `${name}: from ${a} to ${b}, ${change > 0 ? 'up' : 'down'} ${formatDecimal(Math.abs(change), 1, 'en')} percentage points.`;
  },
  rankCell: (rank, tied) => (tied ? `${rank} (tied)` : String(rank)),
  ranking(term, places) {
    if (places.length === 0) return `In ${term} none of the codes was raised.`;
    const [first, ...rest] = places;
    const head =
      first!.names.length > 1
        ? `In ${term}, ${list(first!.names)} were raised most often, in as many interviews each (${formatInteger(first!.k, 'en')} of ${formatInteger(first!.n, 'en')} each)`
        : `In ${term}, ${first!.names[0]} was raised most often (${formatInteger(first!.k, 'en')} of ${formatInteger(first!.n, 'en')})`;
    return rest.length ? `${head}, followed by ${rest.map(place).join(' and ')}.` : `${head}.`;
  },
  notRaised: (term, names) => `Not raised in ${term}: ${list(names)}.`,
  mostMentioned(rows) {
    if (rows.length === 0) return '';
    const top = rows.filter((r) => r.total === rows[0]!.total);
    const times = (n: number): string => `${formatInteger(n, 'en')} ${n === 1 ? 'time' : 'times'}`;
    const rest = rows.slice(top.length, top.length + 2).map((r) => `${r.label} (${times(r.total)})`);
    const head =
      top.length > 1
        ? `${list(top.map((r) => r.label))} are the answers mentioned most often, equally often (${times(top[0]!.total)} each)`
        : `${top[0]!.label} is the answer mentioned most often (${times(top[0]!.total)} in all)`;
    return rest.length ? `${head}, followed by ${list(rest)}.` : `${head}.`;
  },
  termNotes({ term, includeSubcodes, withoutTerm, filter }) {
    const notes = [
      `A code counts as raised in an interview when at least one quotation there is coded with the code${includeSubcodes ? ' or one of its sub-codes' : ''}. n is the number of interviews with a value of ${term}.`,
      'Percent is k/n rounded to one decimal (0.05 rounds up).',
    ];
    if (withoutTerm > 0) notes.push(`${formatInteger(withoutTerm, 'en')} document${withoutTerm === 1 ? ' has' : 's have'} no value of ${term} and ${withoutTerm === 1 ? 'is' : 'are'} left out.`);
    if (filter) notes.push(`Selection: ${filter}.`);
    return notes;
  },
  termCountingRule: (sub) => `k of n interviews; an interview counts once per code${sub ? ' (the code or any of its sub-codes)' : ''}, however many quotations it has.`,
  themeCountingRule: (c) =>
    ({
      none: 'No counts are shown.',
      quotes: 'Quotations with the code or one of its sub-codes; a quotation counts once.',
      docs: 'Documents with at least one quotation with the code or one of its sub-codes.',
      'k-of-n': 'k of n documents: documents with at least one quotation with the code or one of its sub-codes, of all documents in the selection.',
    })[c],
  matrixCountingRule: (c) =>
    ({
      count: 'Quotations per code and column; a parent code counts its sub-codes’ quotations too.',
      presence: '1 when at least one quotation in the column has the code, else 0.',
      'k-of-n': 'k of n documents in the column with at least one quotation with the code.',
      'row-percent': 'Share of the row’s quotations, in percent with one decimal.',
      'col-percent': 'Share of the column’s quotations, in percent with one decimal.',
    })[c],
  cooccurrenceCountingRule: (by) =>
    ({
      overlap: 'Pairs of overlapping quotations (a quotation with both codes counts once); the diagonal shows the code’s own quotations.',
      turn: 'Speaker turns where both codes occur; the diagonal shows the code’s own turns.',
      document: 'Documents where both codes occur; the diagonal shows the code’s own documents.',
    })[by],
  codeMapLegend: (by, min) =>
    `Circle size: the code’s quotations. Line width: ${({ overlap: 'pairs of overlapping quotations', turn: 'speaker turns with both codes', document: 'documents with both codes' })[by]}${min > 1 ? ` (at least ${min})` : ''}.`,
  frequencyCountingRule: () => 'Respondents per answer; percent of all respondents (or of those who answered when No answer is hidden).',
  quotationCountingRule: () => 'One row per quotation and code.',
  dateTime: (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
  provenance(f) {
    return {
      title: 'How this was made',
      rows: [
        ['Project', f.project],
        ['Selection', f.filter || 'all documents'],
        ...(f.codes === null ? [] : [['Codes', f.codes.length ? f.codes.join('; ') : 'all codes'] as [string, string]]),
        ['Counting rule', f.countingRule],
        ['Made', en.dateTime(f.madeAt)],
        ['Program', `Rödtråd ${f.version}`],
        ...(f.privacy ? [['Pseudonyms', en.privacyChecked(f.privacy.names)] as [string, string]] : []),
      ],
    };
  },
  allDocuments: 'all documents',
  refiPositions(unit, documents) {
    const how = EN_UNITS[unit] ?? unit;
    const which = documents.length <= 3 ? list(documents) : `${formatInteger(documents.length, 'en')} documents`;
    return `Positions counted ${how}: ${which}.`;
  },
  refiLength: (n, unit) => `${formatInteger(n, 'en')} ${unit.startsWith('utf16') ? 'UTF-16 units' : 'characters counted as code points'}${unit.endsWith('-lf') ? ', a CRLF as one' : ''}`,
  privacyChecked: (names) =>
    `${names > 0 ? `Pseudonymised with the project's code key (${names} name${names === 1 ? '' : 's'}). ` : ''}The file was read back and checked before it was handed out: no ${names > 0 ? 'real names from the list, ' : ''}personnummer or source file names were in it.`,
};
