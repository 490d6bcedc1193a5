/**
 * What a REFI-QDA project becomes, worked out as it is written: each text source's input
 * (its file in the archive or its inline text), then, source by source, its prepared text
 * (prepare-source.ts, made in either thread) with each selection placed on it or reported,
 * duplicates merged, and every element that cannot come along listed with its reason.
 */
import type { DocumentKind } from '../../../shared/contract';
import type { RefiSkipped, RefiUnplaced } from '../../../shared/contract/refi';
import { wording } from '../../../shared/wording';
import type { NewSpeaker, TurnColumns } from '../documents/packed';
import { UserError } from '../errors';
import { resolveInternal, type Archive } from './archive';
import { guidKey, type RefiCoding, type RefiProject, type RefiTextSource } from './model';
import type { PositionUnit } from './positions';
import type { PreparedSource, SourceInput } from './prepare-source';

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
  /** The stored text's UTF-8 (NFC, LF). */
  utf8: Uint8Array;
  /** Its length in UTF-16 code units. */
  chars: number;
  kind: DocumentKind;
  turns: TurnColumns;
  speakers: NewSpeaker[];
  sourceName: string | null;
  encoding: string | null;
  sha256: string;
  language: string | null;
  quotations: PlannedQuotation[];
}

/** What the report lists besides the counts; filled as the documents are planned. */
export interface ImportPlan {
  skipped: RefiSkipped[];
  unplaced: RefiUnplaced[];
  merged: number;
  warnings: string[];
  /** How each source with selections counted its positions. */
  positions: { source: string; unit: PositionUnit }[];
}

const FIELDNOTE_NAME = /f[aä]ltanteckning|faltant|fieldnote|field[-_ ]note|observation/i;

export interface PlanOptions {
  skipMissingSources: boolean;
}

/** Each text source's input (null: skipped, and listed so), and the sources and notes that cannot come along. */
export function startPlan(refi: RefiProject, archive: Archive | null, file: string, o: PlanOptions): { plan: ImportPlan; inputs: (SourceInput | null)[] } {
  const plan: ImportPlan = { skipped: [], unplaced: [], merged: 0, warnings: [], positions: [] };
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
  const inputs = refi.textSources.map((s) => sourceInput(s, archive, file, o, plan));
  return { plan, inputs };
}

/**
 * The documents, one at a time as the writer asks for them: source `i` placed on
 * `prepared(i)`, the text prepared in whichever thread took it.
 */
export async function* planDocuments(refi: RefiProject, inputs: readonly (SourceInput | null)[], prepared: (index: number) => Promise<PreparedSource>, plan: ImportPlan): AsyncGenerator<PlannedDocument> {
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (input) yield placeSource(refi, refi.textSources[i]!, input, await prepared(i), plan);
  }
}

function kindSv(kind: string): string {
  return { PDF: 'PDF-källor', Picture: 'bildkällor', Audio: 'ljudkällor', Video: 'videokällor' }[kind] ?? kind;
}

function sourceLabel(s: RefiTextSource): string {
  return s.name ?? s.plainTextPath ?? s.guid;
}

const codingCount = (s: RefiTextSource): number => s.codings.length + s.selections.reduce((n, sel) => n + sel.codings.length, 0);

function documentName(s: RefiTextSource): string {
  return (s.name ?? baseName(s.plainTextPath) ?? s.guid).normalize('NFC').trim() || s.guid;
}

function sourceInput(s: RefiTextSource, archive: Archive | null, file: string, o: PlanOptions, plan: ImportPlan): SourceInput | null {
  const ranges = new Float64Array(s.selections.length * 2);
  s.selections.forEach((sel, i) => {
    ranges[i * 2] = sel.start;
    ranges[i * 2 + 1] = sel.end;
  });
  const fieldnote = FIELDNOTE_NAME.test(documentName(s));
  if (s.inlineText !== null) return { text: s.inlineText, ranges, fieldnote };
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
  return { bytes: archive!.entries.get(entry)!, entry, ranges, fieldnote };
}

function placeSource(refi: RefiProject, s: RefiTextSource, input: SourceInput, prepared: PreparedSource, plan: ImportPlan): PlannedDocument {
  const label = sourceLabel(s);
  const byRange = new Map<string, PlannedQuotation>();
  // Tools repeat a selection per code (NVivo): one range, one quotation. Our own exports have
  // one selection per quotation, and two quotations may share a range, so they are kept apart.
  const merging = !/^Rödtråd\b/.test(refi.origin ?? '');
  const quotations: PlannedQuotation[] = [];
  s.selections.forEach((sel, i) => {
    const unplaced = (en: string, sv: string): void => {
      plan.unplaced.push({ source: label, selection: sel.guid, name: sel.name, start: sel.start, end: sel.end, reason: en, reasonSv: sv });
    };
    if (sel.end < sel.start) {
      unplaced(`the selection is reversed (start ${sel.start} after end ${sel.end})`, `markeringen är omvänd (start ${sel.start} efter slut ${sel.end})`);
      return;
    }
    const start = prepared.placed[i * 2]!;
    const end = prepared.placed[i * 2 + 1]!;
    if (start === -2 || end === -2) {
      unplaced(
        `the selection ${sel.start}–${sel.end} lies outside the text (${wording('en').refiLength(prepared.length, prepared.unit)})`,
        `markeringen ${sel.start}–${sel.end} ligger utanför texten (${wording('sv').refiLength(prepared.length, prepared.unit)})`,
      );
      return;
    }
    if (start === -1 || end === -1) {
      unplaced(`the selection ${sel.start}–${sel.end} starts or ends inside a character`, `markeringen ${sel.start}–${sel.end} börjar eller slutar inne i ett tecken`);
      return;
    }
    if (end === start) {
      unplaced(`the selection ${sel.start}–${sel.end} is empty`, `markeringen ${sel.start}–${sel.end} är tom`);
      return;
    }
    const key = `${start}:${end}`;
    const known = merging ? byRange.get(key) : undefined;
    const codings = sel.codings.map(toPlanned);
    if (known) {
      plan.merged++;
      known.selectionGuids.push(sel.guid);
      known.codings.push(...codings.filter((c) => !known.codings.some((k) => guidKey(k.codeGuid) === guidKey(c.codeGuid))));
      if (!known.comment && sel.description?.trim()) known.comment = sel.description;
      return;
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
  });
  const chars = prepared.chars;
  if (s.codings.length > 0) {
    if (chars === 0) {
      plan.unplaced.push({ source: label, selection: s.guid, name: null, start: 0, end: 0, reason: 'the whole (empty) document is coded', reasonSv: 'hela det (tomma) dokumentet är kodat' });
    } else {
      const key = `0:${chars}`;
      const whole = byRange.get(key);
      const codings = s.codings.map(toPlanned);
      if (whole) whole.codings.push(...codings.filter((c) => !whole.codings.some((k) => guidKey(k.codeGuid) === guidKey(c.codeGuid))));
      else quotations.push({ guid: s.codings[0]!.guid, start: 0, end: chars, comment: null, user: s.codings[0]!.user, created: s.codings[0]!.created, modified: null, codings: dedupe(codings), selectionGuids: [] });
    }
  }
  const name = documentName(s);
  if (s.selections.length > 0) plan.positions.push({ source: name, unit: prepared.unit });
  return {
    source: s,
    name,
    // the bytes as they came, where they are already the stored text
    utf8: prepared.utf8 ?? input.bytes!,
    chars,
    kind: prepared.kind,
    turns: prepared.turns,
    speakers: prepared.speakers,
    sourceName: input.entry ? input.entry.split('/').pop()! : null,
    encoding: prepared.encoding,
    sha256: prepared.sha256,
    language: prepared.language,
    quotations: quotations.sort((a, b) => a.start - b.start || a.end - b.end),
  };
}

function toPlanned(c: RefiCoding): PlannedCoding {
  return { codeGuid: c.codeGuid, user: c.user, created: c.created };
}

function dedupe(codings: PlannedCoding[]): PlannedCoding[] {
  // most selections carry one coding: no set to make for them (20,000 in a large project)
  if (codings.length < 2) return codings;
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
