/**
 * Builds a theme table (the article's "Tabell 1") from a layout: top-level codes as sections,
 * optionally their second level as side-by-side columns, codes as bullets and sub-codes as
 * nested bullets, with counts and example quotations within a document filter.
 */
import { formatInteger, formatKofN } from '../../../shared/format/numbers';
import { ThemeTableOptions } from '../../../shared/contract/tables';
import type {
  ExampleQuote, LayoutInfo, LayoutItem, ThemeBullet, ThemeColumn, ThemeSection, ThemeTable, ThemeTableLayout, ThemeTableRequest,
} from '../../../shared/contract/tables';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { deepQuotations, loadCodingIndex } from './coding-index';
import type { CodingIndex, DocumentRun, IndexedCode, IndexedQuotation } from './coding-index';
import { describeFilter, resolveFilter } from './filter';
import { findLayout, treeLayout } from './layouts';
import { sourceLabels } from './source-label';
import { loadCodes } from './report-common';
import { allTypical } from '../coding/typical';
import { IN_LIST, listParam } from '../db/sql-list';
import { withoutSpeakerLead } from '../../../shared/text/speaker-lead';

export function resolveLayout(p: Project, req: ThemeTableRequest): { layout: ThemeTableLayout; name: string } {
  if (req.spec) return { layout: req.spec as ThemeTableLayout, name: 'custom' };
  const info: LayoutInfo = req.layout ? findLayout(p, req.layout) : treeLayout(p);
  return { layout: info.spec, name: info.name };
}

export function buildThemeTable(p: Project, req: ThemeTableRequest): ThemeTable {
  const { layout } = resolveLayout(p, req);
  const options = ThemeTableOptions.parse({ ...(layout.options ?? {}), ...(req.options ?? {}) });
  const filter = resolveFilter(p, options.filter);
  const index = loadCodingIndex(p, filter.all ? null : filter.set);
  // kept with the index: a warm table (nothing changed) derives nothing again
  const memo = index.deep;
  const n = filter.ids.length;
  const lang = options.language;
  const missing: string[] = [];
  const wantQuotes: { bullet: ThemeBullet; picks: IndexedQuotation[] }[] = [];
  const usedQuotes = new Set<number>();
  const pins = options.quotes > 0 ? allTypical(p) : new Map<number, number[]>();
  const reserved = new Set([...pins.values()].flat());

  const countOf = (code: IndexedCode): ThemeBullet['count'] => {
    const qs = deepQuotations(index, memo, code.id);
    let documents = index.deepDocuments.get(code.id);
    if (documents === undefined) {
      const docs = new Set<number>();
      for (const q of qs) docs.add(q.documentId);
      index.deepDocuments.set(code.id, (documents = docs.size));
    }
    return { quotations: qs.length, documents };
  };
  const countText = (c: ThemeBullet['count']): string => {
    switch (options.counts) {
      case 'quotes':
        return `(${formatInteger(c.quotations, lang)})`;
      case 'docs':
        return `(${formatInteger(c.documents, lang)} ${lang === 'sv' ? 'dok.' : c.documents === 1 ? 'doc.' : 'docs'})`;
      case 'k-of-n':
        return `(${formatKofN(c.documents, n, lang)})`;
      default:
        return '';
    }
  };
  const lookup = (path: string): IndexedCode | undefined => {
    const c = index.byPath.get(path);
    if (!c) missing.push(path);
    return c;
  };
  /** Layout items below a code: as given, or all its children in tree order. */
  const itemsUnder = (code: IndexedCode, items: LayoutItem[] | undefined): LayoutItem[] =>
    items ?? code.children.map((k) => ({ path: index.byId.get(k)!.path }));

  const bullet = (item: LayoutItem): ThemeBullet | null => {
    const code = lookup(item.path);
    if (!code) return null;
    const count = countOf(code);
    const b: ThemeBullet = {
      codeId: code.id,
      label: code.name,
      count,
      countText: countText(count),
      quotes: [],
      children: itemsUnder(code, item.children).map(bullet).filter((x): x is ThemeBullet => x !== null),
    };
    if (options.quotes > 0) wantQuotes.push({ bullet: b, picks: pickExamples(index, memo, code, options.quotes, usedQuotes, pins.get(code.id) ?? [], options.quoteMaxChars, reserved) });
    return b;
  };

  const sections: ThemeSection[] = [];
  for (const s of layout.sections) {
    const code = lookup(s.path);
    if (!code) continue;
    const items = itemsUnder(code, s.items);
    let columns: ThemeColumn[];
    if (s.columns) {
      columns = items.flatMap((it) => {
        const colCode = lookup(it.path);
        if (!colCode) return [];
        return [
          {
            title: colCode.name,
            codeId: colCode.id,
            countText: countText(countOf(colCode)),
            items: itemsUnder(colCode, it.children).map(bullet).filter((x): x is ThemeBullet => x !== null),
          },
        ];
      });
    } else {
      columns = [{ title: null, codeId: null, countText: '', items: items.map(bullet).filter((x): x is ThemeBullet => x !== null) }];
    }
    sections.push({ title: code.name, codeId: code.id, countText: countText(countOf(code)), columns });
  }

  if (wantQuotes.length > 0) fillQuotes(p, index, options, wantQuotes);

  const base = lang === 'sv' ? `${formatInteger(n, lang)} dokument` : `${formatInteger(n, lang)} document${n === 1 ? '' : 's'}`;
  const desc = describeFilter(options.filter, lang);
  return {
    caption: layout.caption,
    note: desc ? `${base}; ${desc}` : base,
    documents: n,
    options,
    sections,
    missing,
  };
}

/** How far a quotation's length is from one a reader takes in at a glance (about two lines). */
function readability(q: IndexedQuotation, max: number): number {
  const len = q.end - q.start;
  const ideal = Math.min(160, max);
  return len < 40 ? 1000 + (40 - len) : len > max ? 500 + (len - max) / 10 : Math.abs(len - ideal);
}

/** A code's candidates in runs of one document, each with its most readable quotation (the first of the least score), kept with the index. */
function documentRuns(index: CodingIndex, key: string, candidates: readonly IndexedQuotation[], maxChars: number): DocumentRun[] {
  const known = index.runs.get(key);
  if (known) return known;
  const runs: DocumentRun[] = [];
  let run: DocumentRun | undefined;
  let bestScore = Infinity;
  for (const q of candidates) {
    const score = readability(q, maxChars);
    if (!run || run.best.documentId !== q.documentId) {
      run = { quotations: [q], best: q };
      runs.push(run);
      bestScore = score;
    } else {
      run.quotations.push(q);
      if (score < bestScore) {
        run.best = q;
        bestScore = score;
      }
    }
  }
  index.runs.set(key, runs);
  return runs;
}

/**
 * N example quotations of a code. Quotations the user pinned as typical come first, in their
 * order. The rest are chosen: the code's own quotations first (sub-codes' only if it has
 * none), from documents spread evenly over the (filtered) project order, so the examples show
 * the spread (terms, districts, groups) rather than the first talkative interview, and within
 * a document the one of the most readable length. A quotation already printed under another
 * code is never printed again (a parent and its child share many).
 */
function pickExamples(
  index: CodingIndex,
  memo: Map<number, IndexedQuotation[]>,
  code: IndexedCode,
  n: number,
  used: Set<number>,
  pinned: readonly number[],
  maxChars: number,
  reserved: ReadonlySet<number>,
): IndexedQuotation[] {
  const deep = deepQuotations(index, memo, code.id);
  const picked: IndexedQuotation[] = [];
  if (pinned.length) {
    const byId = new Map(deep.map((q) => [q.id, q]));
    for (const id of pinned) {
      const q = byId.get(id);
      if (q && !used.has(q.id) && !picked.includes(q)) picked.push(q);
    }
  }
  // Quotations pinned anywhere are kept for their code, even when a sub-code is filled first.
  const free = (q: IndexedQuotation): boolean => !used.has(q.id) && !reserved.has(q.id) && !picked.includes(q);
  const own = index.direct.get(code.id) ?? [];
  // own has a free quotation for certain when it holds more than all that is taken
  const useOwn = own.length > used.size + reserved.size + picked.length || own.some(free);
  const candidates = useOwn ? own : deep;
  // the most readable free quotation of each run of one document (candidates are in document
  // order); each run's most readable one is kept with the index, so a warm preview reads a
  // run's quotations again only where that one is already taken
  const bestOfDoc: IndexedQuotation[] = [];
  for (const run of documentRuns(index, `${code.id}:${useOwn ? 'own' : 'deep'}:${maxChars}`, candidates, maxChars)) {
    if (free(run.best)) {
      bestOfDoc.push(run.best);
      continue;
    }
    let best: IndexedQuotation | undefined;
    let bestScore = Infinity;
    for (const q of run.quotations) {
      if (!free(q)) continue;
      const score = readability(q, maxChars);
      if (score < bestScore) {
        best = q;
        bestScore = score;
      }
    }
    if (best) bestOfDoc.push(best);
  }
  const wanted = n - picked.length;
  const take = Math.min(Math.max(0, wanted), bestOfDoc.length);
  // A different, fixed phase per code (golden ratio), so codes do not all quote the same interviews.
  const phase = (code.id * 0.6180339887) % 1;
  const docsTaken = new Set<number>();
  for (let i = 0; i < take; i++) {
    const from = Math.floor(((i + phase) * bestOfDoc.length) / take) % bestOfDoc.length;
    for (let k = 0; k < bestOfDoc.length; k++) {
      const best = bestOfDoc[(from + k) % bestOfDoc.length]!;
      if (docsTaken.has(best.documentId)) continue;
      picked.push(best);
      docsTaken.add(best.documentId);
      break;
    }
  }
  // Fewer documents than quotes wanted: the next most readable ones, still never a repeat.
  if (picked.length < Math.max(n, pinned.length)) {
    const rest = candidates.filter(free).sort((a, b) => readability(a, maxChars) - readability(b, maxChars));
    for (const q of rest) {
      if (picked.length >= Math.max(n, pinned.length)) break;
      picked.push(q);
    }
  }
  for (const q of picked) used.add(q.id);
  return picked;
}

function fillQuotes(p: Project, index: CodingIndex, options: ThemeTableOptions, wanted: { bullet: ThemeBullet; picks: IndexedQuotation[] }[]): void {
  const all = [...new Map(wanted.flatMap((w) => w.picks).map((q) => [q.id, q])).values()];
  const docIds = [...new Set(all.map((q) => q.documentId))];
  const texts = index.texts;
  const get = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  for (const id of docIds) if (!texts.has(id)) texts.set(id, (get.get(id) as string | undefined) ?? '');
  const labels = sourceLabels(p, options.sourceTemplate, all, options.language);
  const speakerLabels = new Map<number, Set<string>>();
  for (const [doc, label] of p.db.prepare(`SELECT document_id, label FROM speakers WHERE document_id ${IN_LIST}`).raw().all(listParam(docIds)) as [number, string][]) {
    let set = speakerLabels.get(doc);
    if (!set) speakerLabels.set(doc, (set = new Set()));
    set.add(label);
  }
  for (const w of wanted) {
    w.bullet.quotes = w.picks.map(
      (q): ExampleQuote => ({
        quotationId: q.id,
        text: shorten(withoutSpeakerLead(wholeWords(texts.get(q.documentId)!, q.start, q.end), speakerLabels.get(q.documentId) ?? new Set()), options.quoteMaxChars),
        source: labels.get(q.id) ?? '',
      }),
    );
  }
}

/**
 * The quoted span widened to whole words: a quotation that starts or ends inside a word
 * (coded by dragging) is printed with that word complete, never as a fragment.
 */
export function wholeWords(text: string, start: number, end: number): string {
  const letter = /[\p{L}\p{N}]/u;
  let s = start;
  let e = end;
  while (s > 0 && letter.test(text[s - 1]!) && letter.test(text[s] ?? '')) s--;
  while (e < text.length && letter.test(text[e]!) && letter.test(text[e - 1] ?? '')) e++;
  return text.slice(s, e);
}

/** One line, cut at a word boundary with "…" when longer than max. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}

export function assertLayoutUsable(t: ThemeTable): void {
  if (t.sections.length === 0) throw new UserError(
      'bad-input',
      `the layout shows no codes${t.missing.length ? ` (missing: ${t.missing.join(', ')})` : ''}`,
      undefined,
      `layouten visar inga koder${t.missing.length ? ` (saknas: ${t.missing.join(', ')})` : ''}`,
    );
}

/** The codes a theme table shows (its sections, with their sub-codes), as paths, for its provenance page. */
export function themeTableCodePaths(p: Project, t: ThemeTable): string[] {
  // The sections name the codes; their sub-codes follow in the table itself.
  const codes = loadCodes(p);
  return [...new Set(t.sections.map((s) => s.codeId))].map((id) => codes.get(id)?.path ?? '').filter(Boolean);
}
