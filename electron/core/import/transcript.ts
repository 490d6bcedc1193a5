/**
 * Finds speaker turns in a plain-text transcript. Recognised at the start of a line:
 *   Namn: …   CS: …   I: / Intervjuare: / IP1: …   [00:12:34] Namn: …   (00:12:34) Namn: …
 *   00:12:34 Namn: …   Namn (00:12:34): …   Namn [00:12:34]: …   Namn: (00:12:34) …
 *   **Namn:** … (Markdown bold)   and a time on a line of its own — "(00:12:34)" or
 *   "[00:12:34]" — which gives its time to the turn on the next line.
 * A turn runs until the next labelled line; unlabelled paragraphs continue the turn.
 * A label counts only if it recurs (or is an interviewer label) and the text has at least two
 * speakers, so a field note's "Observation: …" does not become a speaker. Once a text is a
 * transcript, initials ("MK", "IP3") count even when they speak only once.
 */
export interface ParsedTurn {
  start: number;
  end: number;
  speaker: string | null;
  timestamp: number | null;
}

export interface ParseOptions {
  /**
   * Labels known to be speakers from the source's formatting (bold names in a DOCX, vtt
   * voices): accepted even when they occur once.
   */
  knownLabels?: Iterable<string>;
}

export interface ParsedTranscript {
  turns: ParsedTurn[];
  speakers: { label: string; isInterviewer: boolean }[];
}

const TIME = String.raw`(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)`;
const LABEL = String.raw`([\p{Lu}\p{Lt}][\p{L}\p{M}\d.'’-]{0,24}(?: [\p{L}\d][\p{L}\p{M}\d.'’-]{0,24}){0,2})`;
const LINE_RE = new RegExp(
  String.raw`^[ \t]*(?:[\[(]?${TIME}[\])]?[ \t]+)?(?:\*\*)?${LABEL}(?:\*\*)?[ \t]*(?:[\[(]${TIME}[\])])?[ \t]*(?:\*\*)?:(?:\*\*)?(?:[ \t]+|$)`,
  'u',
);

const TIME_ONLY_RE = new RegExp(String.raw`^[ \t]*[\[(]?${TIME}[\])]?[ \t]*$`, 'u');
const TIME_AFTER_LABEL_RE = new RegExp(String.raw`^[\[(]${TIME}[\])][ \t]*`, 'u');

/** How far into a line its label's colon can be: a time, up to three words of a name, another time, bold marks. */
const MAX_LABEL_PREFIX = 160;

const INITIALS_RE = /^(\p{Lu}{1,4}\d{0,2}|IP ?\d{1,2})$/u;

/** A name or initials as a speaker label: "Anna", "Bo Ek", "IP3", "MK". */
const SPEAKER_NAME_RE = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?|\p{Lu}{1,4}\d{0,2}|IP ?\d{1,2})$/u;

const INTERVIEWER_RE = /^(i|int|intervjuare|intervjuaren|interviewer|moderator|moderatorn|forskare|forskaren|fl|samtalsledare)\s*\d*$/iu;

export function isInterviewerLabel(label: string): boolean {
  return INTERVIEWER_RE.test(label.trim());
}

/** "00:12:34", "12:34", "1:02:03,5" → seconds. */
export function parseTimestamp(s: string): number {
  const [main, frac] = s.split(/[.,]/);
  const parts = main!.split(':').map(Number);
  let secs = 0;
  for (const p of parts) secs = secs * 60 + p;
  return frac ? secs + Number(`0.${frac}`) : secs;
}

interface Candidate {
  lineStart: number;
  label: string;
  timestamp: number | null;
}

export function parseTranscript(text: string, options: ParseOptions = {}): ParsedTranscript {
  const candidates: Candidate[] = [];
  let pos = 0;
  // a time on a line of its own, waiting for the labelled line after it
  let pending: { lineStart: number; timestamp: number } | null = null;
  // Only a line with a colon near its start can be labelled or be a time of its own; the
  // rest are skipped without a regex (most lines of a long transcript).
  let colon = text.indexOf(':');
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (colon >= 0 && colon < pos) colon = text.indexOf(':', pos);
    if (colon >= 0 && colon < end && colon - pos <= MAX_LABEL_PREFIX) {
      const line = text.slice(pos, end);
      const m = LINE_RE.exec(line);
      const timeOnly = m ? null : TIME_ONLY_RE.exec(line);
      if (m && !/^\d/.test(m[2]!)) {
        const after = TIME_AFTER_LABEL_RE.exec(line.slice(m[0].length));
        const time = m[1] ?? m[3] ?? after?.[1];
        const timestamp = time ? parseTimestamp(time) : (pending?.timestamp ?? null);
        candidates.push({ lineStart: !time && pending ? pending.lineStart : pos, label: m[2]!.trim(), timestamp });
        pending = null;
      } else if (timeOnly) {
        pending = { lineStart: pos, timestamp: parseTimestamp(timeOnly[1]!) };
      } else if (line.trim().length > 0) {
        pending = null;
      }
    } else if (pending && hasText(text, pos, end)) {
      pending = null;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  const known = new Set(options.knownLabels ?? []);
  const accepted = new Set([...counts].filter(([label, n]) => n >= 2 || isInterviewerLabel(label) || known.has(label)).map(([label]) => label));
  // A short interview ("Intervjuare: …", "Anna: …", "Bo: …"): an interviewer and two or more
  // named speakers make a transcript even when each speaks once.
  if ([...accepted].some(isInterviewerLabel)) {
    const named = [...counts.keys()].filter((label) => !isInterviewerLabel(label) && SPEAKER_NAME_RE.test(label));
    if (named.length >= 2) for (const label of named) accepted.add(label);
  }
  if (accepted.size < (known.size > 0 ? 1 : 2)) return { turns: [], speakers: [] };
  // in a group interview someone may speak once: initials ("MK", "IP3") are taken then too
  for (const [label] of counts) if (INITIALS_RE.test(label)) accepted.add(label);

  const starts = candidates.filter((c) => accepted.has(c.label));
  const turns: ParsedTurn[] = [];
  const firstStart = starts[0]!.lineStart;
  if (text.slice(0, firstStart).trim().length > 0) {
    turns.push({ start: 0, end: trimEnd(text, 0, firstStart), speaker: null, timestamp: null });
  }
  starts.forEach((c, i) => {
    const next = i + 1 < starts.length ? starts[i + 1]!.lineStart : text.length;
    turns.push({ start: c.lineStart, end: trimEnd(text, c.lineStart, next), speaker: c.label, timestamp: c.timestamp });
  });
  const order: string[] = [];
  for (const c of starts) if (!order.includes(c.label)) order.push(c.label);
  return { turns, speakers: order.map((label) => ({ label, isInterviewer: isInterviewerLabel(label) })) };
}

function hasText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i]!)) return true;
  return false;
}

/** End of a turn without the blank lines that separate it from the next. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
