/**
 * WebVTT and SubRip subtitles from transcription services: every cue becomes a turn with
 * the cue's start time. The speaker comes from a vtt voice (<v Anna>), or from a
 * "Anna: …" / "[Anna] …" / "- Anna: …" prefix in the cue text. Cue markup is dropped.
 */
import type { NewSpeaker, NewTurn } from '../../documents/store';
import { decodeText, looksBinary } from '../encoding';
import { isInterviewerLabel, parseTimestamp } from '../transcript';
import { badFile, type ReadContext, type TextExtract } from './types';

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
const VOICE = /^<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const PREFIX = /^(?:-\s*)?(?:\[([^\]\n]{1,40})\]|([\p{Lu}\p{Lt}][\p{L}\p{M}\d.'’-]{0,24}(?: [\p{L}\d][\p{L}\p{M}\d.'’-]{0,24}){0,2}):)\s+/u;

interface Cue {
  start: number;
  speaker: string | null;
  text: string;
}

export function readSubtitles(bytes: Buffer, ctx: ReadContext, kind: 'vtt' | 'srt'): TextExtract {
  const { text: raw, encoding } = decodeText(bytes, ctx.encoding);
  if (looksBinary(raw)) throw badFile(ctx.file, 'this is not a subtitle file: the bytes are not text', 'det här är ingen undertextfil: innehållet är inte text');
  if (kind === 'vtt' && !/^WEBVTT/.test(raw)) throw badFile(ctx.file, 'not a WebVTT file: it must start with "WEBVTT"', 'ingen WebVTT-fil: den måste börja med "WEBVTT"');
  const cues = parseCues(raw);
  if (cues.length === 0) throw badFile(ctx.file, 'no subtitle cues found (expected lines such as "00:00:01.000 --> 00:00:04.000")', 'inga undertexter hittades (väntade rader som "00:00:01.000 --> 00:00:04.000")');
  // a prefix counts as a speaker only if it recurs, as in plain transcripts
  const prefixCounts = new Map<string, number>();
  for (const c of cues) if (c.speaker === null) {
    const m = PREFIX.exec(c.text);
    const label = m?.[1] ?? m?.[2];
    if (label) prefixCounts.set(label.trim(), (prefixCounts.get(label.trim()) ?? 0) + 1);
  }
  let text = '';
  const turns: NewTurn[] = [];
  const order: string[] = [];
  for (const c of cues) {
    let speaker = c.speaker;
    let body = c.text;
    if (speaker === null) {
      const m = PREFIX.exec(body);
      const label = (m?.[1] ?? m?.[2])?.trim();
      if (m && label && ((prefixCounts.get(label) ?? 0) >= 2 || isInterviewerLabel(label))) {
        speaker = label;
        body = body.slice(m[0].length);
      }
    }
    if (!body.trim()) continue;
    if (text.length > 0) text += '\n\n';
    const start = text.length;
    text += speaker ? `${speaker}: ${body}` : body;
    turns.push({ start, end: text.length, speaker, timestamp: c.start });
    if (speaker && !order.includes(speaker)) order.push(speaker);
  }
  const speakers: NewSpeaker[] = order.map((label) => ({ label, isInterviewer: isInterviewerLabel(label) }));
  return { text, sourceType: kind, encoding, turns, speakers };
}

function parseCues(raw: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = raw.split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l, i) => i > 0 || l.trim().length > 0);
    const ti = lines.findIndex((l) => TIMING.test(l));
    if (ti < 0 || ti > 1) continue; // header, NOTE, STYLE blocks
    const start = parseTimestamp(TIMING.exec(lines[ti]!)![1]!);
    const payload = lines.slice(ti + 1);
    let speaker: string | null = null;
    const voice = VOICE.exec(payload[0] ?? '');
    if (voice) speaker = voice[1]!.trim();
    const body = payload
      .map((l) => stripTags(l).trim())
      .filter((l) => l.length > 0)
      .join(' ');
    cues.push({ start, speaker, text: body });
  }
  return cues;
}

/** Cue markup (<v>, <c>, <i>, <b>, <00:00:01.000>, {\an8}) is formatting, not words. */
function stripTags(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0');
}
