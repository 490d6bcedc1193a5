/**
 * Word positions of the documents, read once per loaded index and kept compactly (typed
 * arrays of offsets and ids into one table of distinct word forms), so that verifying
 * phrases and locating hits in thousands of passages costs array scans, not re-tokenising.
 */
import { tokenize } from './text';

export interface DocTokens {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Index into the cache's table of normalised word forms. */
  norms: Int32Array;
}

export class TokenCache {
  private readonly forms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly docs = new Map<number, DocTokens>();

  constructor(private readonly text: (documentId: number) => string) {}

  form(id: number): string {
    return this.forms[id]!;
  }

  /** The id of a normalised word form, if any document read so far contains it. */
  formId(norm: string): number | undefined {
    return this.ids.get(norm);
  }

  doc(documentId: number): DocTokens {
    let d = this.docs.get(documentId);
    if (d) return d;
    const tokens = tokenize(this.text(documentId));
    d = { starts: new Uint32Array(tokens.length), ends: new Uint32Array(tokens.length), norms: new Int32Array(tokens.length) };
    tokens.forEach((t, i) => {
      let id = this.ids.get(t.norm);
      if (id === undefined) {
        id = this.forms.length;
        this.forms.push(t.norm);
        this.ids.set(t.norm, id);
      }
      d!.starts[i] = t.start;
      d!.ends[i] = t.end;
      d!.norms[i] = id;
    });
    this.docs.set(documentId, d);
    return d;
  }

  /** Token indexes [first, last) of the tokens lying within [start, end). */
  range(d: DocTokens, start: number, end: number): [number, number] {
    const lower = (x: number): number => {
      let lo = 0;
      let hi = d.starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (d.starts[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const first = lower(start);
    let last = lower(end);
    while (last > first && d.ends[last - 1]! > end) last--;
    return [first, last];
  }
}
