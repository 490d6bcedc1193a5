/**
 * Turns and speakers as the importer hands them over, and the column form turns travel in
 * between threads (no database here, so the import's reader thread can load it cheaply).
 */
export interface NewTurn {
  start: number;
  end: number;
  /** Speaker label as written in the source ("CS", "Intervjuare"); null for text outside any turn. */
  speaker: string | null;
  timestamp: number | null;
}

export interface NewSpeaker {
  label: string;
  isInterviewer?: boolean;
  name?: string | null;
}

/** Turns as one column array: start, end, speaker (index into speakers, or -1), timestamp (NaN for none). */
export interface TurnColumns {
  count: number;
  data: Float64Array;
}

/** Turns → columns; speakers named by turns but missing from `speakers` are added to it. */
export function packTurns(turns: readonly NewTurn[], speakers: NewSpeaker[]): TurnColumns {
  const index = new Map(speakers.map((s, i) => [s.label, i]));
  const data = new Float64Array(turns.length * 4);
  turns.forEach((t, i) => {
    let sp = -1;
    if (t.speaker !== null) {
      sp = index.get(t.speaker) ?? -1;
      if (sp < 0) {
        sp = speakers.push({ label: t.speaker }) - 1;
        index.set(t.speaker, sp);
      }
    }
    data[i * 4] = t.start;
    data[i * 4 + 1] = t.end;
    data[i * 4 + 2] = sp;
    data[i * 4 + 3] = t.timestamp ?? Number.NaN;
  });
  return { count: turns.length, data };
}
