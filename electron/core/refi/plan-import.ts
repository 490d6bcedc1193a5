/**
 * What a REFI-QDA project becomes, worked out before the database is touched: each text
 * source's stored text and speaker turns, each selection placed on that text (or reported),
 * duplicates merged, and every element that cannot come along listed with its reason.
 */
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../../shared/contract';
import type { RefiSkipped, RefiUnplaced } from '../../../shared/contract/refi';
import { wording } from '../../../shared/wording';
import { UserError } from '../errors';
import { parseTranscript } from '../import/transcript';
import { detectLanguage } from '../text/language';
import { resolveInternal, type Archive } from './archive';
import { guidKey, type RefiCoding, type RefiProject, type RefiTextSource } from './model';
import { chooseUnit, mapText, placeIn, type PositionUnit } from './positions';
import { decodeSourceBytes } from './source-text';

export interface PlannedCoding {
  codeGuid: string;
  user: string | null;
  created: string | null;
}

export interface PlannedQuotation {
  guid: string;
  start: number;
  end: number;
  comment: string | null;
  user: string | null;
  created: string | null;
  modified: string | null;
  codings: PlannedCoding[];
  /** The selections merged into it (their note references all lead here). */
  selectionGuids: string[];
}

export interface PlannedDocument {
  source: RefiTextSource;
  name: string;
  text: string;
  /** The text's UTF-8 bytes: the source file's own when it is stored as it came (no BOM, LF, NFC). */
  utf8: Buffer;
  kind: DocumentKind;
  turns: { start: number; end: number; speaker: string | null; timestamp: number | null }[];
  speakers: { label: string; isInterviewer: boolean }[];
  sourceName: string | null;
  encoding: string | null;
  sha256: string;
  language: string | null;
  unit: PositionUnit | null;
  quotations: PlannedQuotation[];
}

export interface ImportPlan {
  documents: PlannedDocument[];
  skipped: RefiSkipped[];
  unplaced: RefiUnplaced[];
  merged: number;
  warnings: string[];
}

const FIELDNOTE_NAME = /f[aä]ltanteckning|faltant|fieldnote|field[-_ ]note|observation/i;

export interface PlanOptions {
  skipMissingSources: boolean;
  /** Called between sources (progress, cancellation). */
  onSource?: (done: number, total: number) => void;
}

export function planImport(refi: RefiProject, archive: Archive | null, file: string, o: PlanOptions): ImportPlan {
  const plan: ImportPlan = { documents: [], skipped: [], unplaced: [], merged: 0, warnings: [] };
  for (const s of refi.otherSources) {
    plan.skipped.push({
      kind: 'source',
      name: s.name,
      reason: `${s.kind} sources are not imported (Rödtråd codes text only)`,
      reasonSv: `${kindSv(s.kind)} importeras inte (Rödtråd kodar bara text)`,
      codings: s.codings,
    });
  }
  for (const n of refi.notes) {
    if (n.selectionCodings === 0) continue;
    // nothing coded may vanish unreported: codings on a note's text have no place here
    plan.skipped.push({
      kind: 'note',
      name: n.name ?? n.guid,
      reason: 'codings on the text of a note are not imported (the note becomes a memo, and memos are not coded)',
      reasonSv: 'kodningar i en antecknings text importeras inte (anteckningen blir ett memo, och memon kodas inte)',
      codings: n.selectionCodings,
    });
  }
  refi.textSources.forEach((s, i) => {
    o.onSource?.(i, refi.textSources.length);
    const doc = planSource(refi, s, archive, file, o, plan);
    if (doc) plan.documents.push(doc);
  });
  return plan;
}

function kindSv(kind: string): string {
  return { PDF: 'PDF-källor', Picture: 'bildkällor', Audio: 'ljudkällor', Video: 'videokällor' }[kind] ?? kind;
}

function sourceLabel(s: RefiTextSource): string {
  return s.name ?? s.plainTextPath ?? s.guid;
}

const codingCount = (s: RefiTextSource): number => s.codings.length + s.selections.reduce((n, sel) => n + sel.codings.length, 0);

function readRaw(s: RefiTextSource, archive: Archive | null, file: string, o: PlanOptions, plan: ImportPlan): { text: string; bytes: Buffer; encoding: string | null; entry: string | null } | null {
  if (s.inlineText !== null) return { text: s.inlineText, bytes: Buffer.from(s.inlineText, 'utf8'), encoding: null, entry: null };
  const ref = s.plainTextPath;
  const missing = (en: string, sv: string): null => {
    // a bare .qde has no archive to hold its sources: what it lacks is listed, not refused
    if (!o.skipMissingSources && archive) {
      throw new UserError('bad-file', `${en}; nothing was imported (import the rest with the option to skip missing sources)`, file, `${sv}; inget importerades (importera resten med valet att hoppa över saknade källor)`);
    }
    plan.skipped.push({ kind: 'source', name: sourceLabel(s), reason: en, reasonSv: sv, codings: codingCount(s) });
    return null;
  };
  if (!ref) return missing(`the text source "${sourceLabel(s)}" has neither a plainTextPath nor its text`, `textkällan ”${sourceLabel(s)}” har varken plainTextPath eller sin text`);
  if (/^(relative|absolute):\/\//i.test(ref)) {
    return missing(`the text source "${sourceLabel(s)}" lies outside the archive (${ref})`, `textkällan ”${sourceLabel(s)}” ligger utanför arkivet (${ref})`);
  }
  const entry = archive ? resolveInternal(archive, ref) : null;
  if (!entry) return missing(`the source file ${ref} of "${sourceLabel(s)}" is missing from the archive`, `källfilen ${ref} för ”${sourceLabel(s)}” saknas i arkivet`);
  const bytes = archive!.entries.get(entry)!;
  const raw = decodeSourceBytes(bytes);
  return { text: raw.text, bytes, encoding: raw.encoding + (raw.bom ? ' (BOM)' : ''), entry };
}

function planSource(refi: RefiProject, s: RefiTextSource, archive: Archive | null, file: string, o: PlanOptions, plan: ImportPlan): PlannedDocument | null {
  const raw = readRaw(s, archive, file, o, plan);
  if (!raw) return null;
  const label = sourceLabel(s);
  const mapped = mapText(raw.text);
  const text = mapped.stored;
  const ranges = s.selections.map((sel) => ({ start: sel.start, end: sel.end }));
  const choice = chooseUnit(mapped, ranges, refi.origin);
  const byRange = new Map<string, PlannedQuotation>();
  // Tools repeat a selection per code (NVivo): one range, one quotation. Our own exports have
  // one selection per quotation, and two quotations may share a range, so they are kept apart.
  const merging = !/^Rödtråd\b/.test(refi.origin ?? '');
  const quotations: PlannedQuotation[] = [];
  for (const sel of s.selections) {
    const unplaced = (en: string, sv: string): void => {
      plan.unplaced.push({ source: label, selection: sel.guid, name: sel.name, start: sel.start, end: sel.end, reason: en, reasonSv: sv });
    };
    if (sel.end < sel.start) {
      unplaced(`the selection is reversed (start ${sel.start} after end ${sel.end})`, `markeringen är omvänd (start ${sel.start} efter slut ${sel.end})`);
      continue;
    }
    const start = placeIn(choice, sel.start);
    const end = placeIn(choice, sel.end);
    if (start === -2 || end === -2) {
      unplaced(
        `the selection ${sel.start}–${sel.end} lies outside the text (${wording('en').refiLength(choice.length, choice.unit)})`,
        `markeringen ${sel.start}–${sel.end} ligger utanför texten (${wording('sv').refiLength(choice.length, choice.unit)})`,
      );
      continue;
    }
    if (start === -1 || end === -1) {
      unplaced(`the selection ${sel.start}–${sel.end} starts or ends inside a character`, `markeringen ${sel.start}–${sel.end} börjar eller slutar inne i ett tecken`);
      continue;
    }
    if (end === start) {
      unplaced(`the selection ${sel.start}–${sel.end} is empty`, `markeringen ${sel.start}–${sel.end} är tom`);
      continue;
    }
    const key = `${start}:${end}`;
    const known = merging ? byRange.get(key) : undefined;
    const codings = sel.codings.map(toPlanned);
    if (known) {
      plan.merged++;
      known.selectionGuids.push(sel.guid);
      known.codings.push(...codings.filter((c) => !known.codings.some((k) => guidKey(k.codeGuid) === guidKey(c.codeGuid))));
      if (!known.comment && sel.description?.trim()) known.comment = sel.description;
      continue;
    }
    const q: PlannedQuotation = {
      guid: sel.guid,
      start,
      end,
      comment: sel.description?.trim() ? sel.description : null,
      user: sel.user,
      created: sel.created,
      modified: sel.modified,
      codings: dedupe(codings),
      selectionGuids: [sel.guid],
    };
    byRange.set(key, q);
    quotations.push(q);
  }
  if (s.codings.length > 0) {
    if (text.length === 0) {
      plan.unplaced.push({ source: label, selection: s.guid, name: null, start: 0, end: 0, reason: 'the whole (empty) document is coded', reasonSv: 'hela det (tomma) dokumentet är kodat' });
    } else {
      const key = `0:${text.length}`;
      const whole = byRange.get(key);
      const codings = s.codings.map(toPlanned);
      if (whole) whole.codings.push(...codings.filter((c) => !whole.codings.some((k) => guidKey(k.codeGuid) === guidKey(c.codeGuid))));
      else quotations.push({ guid: s.codings[0]!.guid, start: 0, end: text.length, comment: null, user: s.codings[0]!.user, created: s.codings[0]!.created, modified: null, codings: dedupe(codings), selectionGuids: [] });
    }
  }
  const name = (s.name ?? baseName(s.plainTextPath) ?? s.guid).normalize('NFC').trim() || s.guid;
  const fieldnote = FIELDNOTE_NAME.test(name);
  const parsed = fieldnote ? { turns: [], speakers: [] } : parseTranscript(text);
  return {
    source: s,
    name,
    text,
    utf8: raw.entry && raw.encoding === 'utf-8' && text === raw.text ? raw.bytes : Buffer.from(text, 'utf8'),
    kind: fieldnote ? 'fieldnote' : parsed.turns.length > 0 ? 'interview' : 'other',
    turns: parsed.turns,
    speakers: parsed.speakers,
    sourceName: raw.entry ? raw.entry.split('/').pop()! : null,
    encoding: raw.encoding,
    sha256: createHash('sha256').update(raw.bytes).digest('hex'),
    language: detectLanguage(text),
    unit: s.selections.length > 0 ? choice.unit : null,
    quotations: quotations.sort((a, b) => a.start - b.start || a.end - b.end),
  };
}

function toPlanned(c: RefiCoding): PlannedCoding {
  return { codeGuid: c.codeGuid, user: c.user, created: c.created };
}

function dedupe(codings: PlannedCoding[]): PlannedCoding[] {
  const seen = new Set<string>();
  return codings.filter((c) => {
    const k = guidKey(c.codeGuid);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function baseName(ref: string | null): string | null {
  if (!ref) return null;
  const last = ref.replace(/^internal:\/\//i, '').split(/[\\/]/).pop() ?? '';
  return last.replace(/\.[^.]+$/, '') || null;
}
