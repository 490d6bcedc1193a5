/**
 * HTTP Range requests for a recording (RFC 9110 §14): one byte range, as media elements ask
 * for. Both hosts use it: the browser-mode server and the desktop's app:// handler.
 */
export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * What a Range header asks of a file of `size` bytes: the whole file (no header, or one we
 * do not serve in parts, such as several ranges, or cannot read), one part (`end`
 * inclusive), or nothing satisfiable (416: it starts at or after the end, or asks for no bytes).
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'whole' };
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
  const [, a, b] = (m ?? []) as unknown as [string, string | undefined, string | undefined];
  // several ranges, another unit or no number at all: a server may ignore the header (RFC 9110 §14.2)
  if (a === undefined || b === undefined || (a === '' && b === '')) return { kind: 'whole' };
  if (a === '') {
    // a suffix: the last b bytes
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** The headers of an answer: status, Content-Range and Content-Length. */
export function rangeHeaders(answer: RangeAnswer, size: number): { status: number; headers: Record<string, string> } {
  if (answer.kind === 'unsatisfiable') return { status: 416, headers: { 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } };
  if (answer.kind === 'whole') return { status: 200, headers: { 'Content-Length': String(size), 'Accept-Ranges': 'bytes' } };
  return {
    status: 206,
    headers: { 'Content-Range': `bytes ${answer.start}-${answer.end}/${size}`, 'Content-Length': String(answer.end - answer.start + 1), 'Accept-Ranges': 'bytes' },
  };
}
