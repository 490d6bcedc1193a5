import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createQuotation } from '../../electron/core/coding/quotations';
import { needTool, pathsOrSkip } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { buildFixture } from './fixture';
import type { Fixture } from './fixture';

const ROOT = path.resolve(__dirname, '../..');
/** The Table 1 tree, written down by us from the article (tests/fixtures). */
const REFERENCE = path.join(ROOT, 'tests', 'fixtures', 'table1-tree.json');
const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', '__screenshots__');

interface RefItem {
  label: string;
  children?: RefItem[];
}
interface RefTable {
  caption: string;
  sections: { title: string; columns: { title: string | null; items: RefItem[] }[] }[];
}

const dir = tempDir('theme-table');
let fx: Fixture;
let session: Session;

beforeAll(() => {
  fx = buildFixture(dir, { documents: 8, quotations: 150 });
  session = new Session('test', fx.p);
});
afterAll(() => session.closeProject());

const textOf = (xml: string): string =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

function flatten(items: RefItem[], level = 0): { label: string; level: number }[] {
  return items.flatMap((i) => [{ label: i.label, level }, ...flatten(i.children ?? [], level + 1)]);
}

describe('theme table (Table 1)', () => {
  it('lists the bundled Table 1 layout once its codebook is loaded', async () => {
    const layouts = await dispatch(session, 'tables.layouts', {});
    const t1 = layouts.find((l) => l.name === 'ifo-table1');
    expect(t1?.source).toBe('bundled');
    expect(t1?.spec.caption).toBe('Tabell 1. Resultatsammanfattning');
    expect(t1?.spec.sections.map((s) => s.columns)).toEqual([true, false, false]);
  });

  it('exports DOCX with the caption, merged title rows, the two column titles in one row and every bullet in order', async () => {
    const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as RefTable;
    const out = path.join(dir, 'tabell1.docx');
    const res = await dispatch(session, 'tables.exportThemeTable', { layout: 'ifo-table1', format: 'docx', path: out });
    expect(res.path).toBe(out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    const body = xml.slice(xml.indexOf('<w:body>'));
    const tableStart = body.indexOf('<w:tbl>');
    // Caption above the table.
    expect(textOf(body.slice(0, tableStart))).toContain(ref.caption);
    const rows = [...body.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    for (const s of ref.sections) {
      const titleRow = rows.find((r) => textOf(r).trim() === s.title);
      expect(titleRow, s.title).toBeDefined();
      expect(titleRow).toMatch(/<w:gridSpan w:val="2"\/>/);
      const titles = s.columns.map((c) => c.title).filter((t): t is string => t !== null);
      if (titles.length > 1) {
        const row = rows.find((r) => titles.every((t) => textOf(r).includes(t)));
        expect(row, `one row with ${titles.join(' | ')}`).toBeDefined();
        expect(row!.match(/<w:tc>/g)).toHaveLength(titles.length);
      }
    }
    // Every bullet and sub-bullet in order, as real numbered (bulleted) paragraphs at the right level.
    const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const bullets = paragraphs
      .filter((p) => p.includes('<w:numPr>'))
      .map((p) => ({ label: textOf(p).trim().replace(/:$/, ''), level: Number(/<w:ilvl w:val="(\d+)"/.exec(p)![1]) }));
    const expected = ref.sections.flatMap((s) => s.columns.flatMap((c) => flatten(c.items)));
    expect(bullets).toEqual(expected);
    // The bullet marks are the article's: ▪ at level 1 and – at level 2.
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[\s\S]*?<w:lvlText w:val="▪"\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[\s\S]*?<w:lvlText w:val="–"\/>/);

    // mammoth reads it back as a table with nested lists.
    const html = (await mammoth.convertToHtml({ path: out })).value;
    expect(html).toContain('<table>');
    expect(html).toMatch(/<li>Bollande:<ul><li>Informationsutbyte, diskussion<\/li>/);
  });

  it('the DOCX renders in LibreOffice with both column titles side by side (PNG to look at)', async (ctx) => {
    // LibreOffice → PDF → PNG, to be looked at.
    const [soffice, pdftoppm, pdftotext] = pathsOrSkip(ctx, needTool('soffice'), needTool('pdftoppm'), needTool('pdftotext'));
    const out = path.join(dir, 'tabell1.docx');
    await dispatch(session, 'tables.exportThemeTable', { layout: 'ifo-table1', format: 'docx', path: out });
    const pdfDir = path.join(dir, 'pdf');
    mkdirSync(pdfDir, { recursive: true });
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', pdfDir, out], { stdio: 'pipe', timeout: 90_000 });
    const pdf = path.join(pdfDir, 'tabell1.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync(pdftoppm!, ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, path.join(pdfDir, 'page')]);
    const png = readdirSync(pdfDir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(path.join(pdfDir, png), path.join(SCREENSHOTS, 'theme-table-docx.png'));
    const text = execFileSync(pdftotext!, ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Tabell 1. Resultatsammanfattning');
    expect(text).toMatch(/I professionella kontakter\s+I situationer där klienten medverkar/);
  }, 120_000);

  it('counts quotations and "k av n" documents within a filter, as computed independently', async () => {
    const t = await dispatch(session, 'tables.themeTable', { layout: 'ifo-table1', options: { counts: 'k-of-n', filter: { where: { termin: ['HT16', 'VT17'] } } } });
    const kept = new Set(fx.docs.filter((d) => d.termin === 'HT16' || d.termin === 'VT17').map((d) => d.id));
    expect(t.documents).toBe(kept.size);
    const codes = fx.p.db.prepare('SELECT id, parent_id FROM codes').all() as { id: number; parent_id: number | null }[];
    const below = (id: number): number[] => [id, ...codes.filter((c) => c.parent_id === id).flatMap((c) => below(c.id))];
    const check = (codeId: number, count: { quotations: number; documents: number }, countText: string): void => {
      const ids = new Set(below(codeId));
      const qs = fx.quotes.filter((q) => kept.has(q.documentId) && q.codes.some((c) => ids.has(c)));
      expect(count.quotations).toBe(qs.length);
      const k = new Set(qs.map((q) => q.documentId)).size;
      expect(count.documents).toBe(k);
      expect(countText).toBe(`(${k} av ${kept.size})`);
    };
    let checked = 0;
    const walk = (bs: typeof t.sections[number]['columns'][number]['items']): void => {
      for (const b of bs) {
        check(b.codeId, b.count, b.countText);
        checked++;
        walk(b.children);
      }
    };
    for (const s of t.sections) for (const c of s.columns) walk(c.items);
    expect(checked).toBe(23); // the bullets and sub-bullets of Table 1
  });

  it('sees new coding at once (the cached index notices every write)', async () => {
    const before = await dispatch(session, 'tables.themeTable', { layout: 'ifo-table1', options: { counts: 'quotes' } });
    const first = before.sections[1]!.columns[0]!.items[0]!;
    const doc = fx.docs[0]!;
    const id = createQuotation(fx.p, { documentId: doc.id, start: 0, end: 5, codeIds: [first.codeId] });
    const after = await dispatch(session, 'tables.themeTable', { layout: 'ifo-table1', options: { counts: 'quotes' } });
    expect(after.sections[1]!.columns[0]!.items[0]!.count.quotations).toBe(first.count.quotations + 1);
    fx.p.db.prepare('DELETE FROM quotations WHERE id = ?').run(id);
    const again = await dispatch(session, 'tables.themeTable', { layout: 'ifo-table1', options: { counts: 'quotes' } });
    expect(again.sections[1]!.columns[0]!.items[0]!.count.quotations).toBe(first.count.quotations);
  });

  it('adds example quotations with a pseudonymous source label from the template', async () => {
    const t = await dispatch(session, 'tables.themeTable', {
      layout: 'ifo-table1',
      options: { quotes: 2, sourceTemplate: '(Gruppintervju {nr}, {roll})', filter: { kinds: ['interview'] } },
    });
    const all = t.sections.flatMap((s) => s.columns.flatMap((c) => c.items.flatMap(function f(b): typeof c.items { return [b, ...b.children.flatMap(f)]; })));
    const withQuotes = all.filter((b) => b.quotes.length > 0);
    expect(withQuotes.length).toBeGreaterThan(5);
    for (const b of withQuotes) {
      expect(b.quotes.length).toBeLessThanOrEqual(2);
      for (const q of b.quotes) {
        const src = fx.quotes.find((x) => x.id === q.quotationId)!;
        const doc = fx.docs.find((d) => d.id === src.documentId)!;
        expect(doc.kind).toBe('interview');
        // The speaker whose turn the quotation's first word is in.
        const lead = doc.text.slice(src.start).length - doc.text.slice(src.start).trimStart().length;
        const line = doc.text.slice(0, src.start + lead).split('\n').length - 1;
        const speaker = doc.text.split('\n')[line]!.split(':')[0]!;
        const roll = speaker === 'Intervjuare' ? 'forskare' : speaker === 'AA' ? 'socialsekreterare' : 'enhetschef';
        expect(q.source).toBe(`(Gruppintervju ${doc.name.replace(/\D+/g, '')}, ${roll})`);
        // The quoted words, widened to whole words at the edges.
        // (A quotation coded from the start of a turn prints without the turn's "AA: ".)
        const raw = doc.text.slice(src.start, src.end).replace(/\s+/g, ' ').trim().replace(/^(Intervjuare|AA|BB|CC): /, '');
        expect(q.text).toContain(raw);
        const at = doc.text.replace(/\s+/g, ' ').indexOf(q.text);
        expect(at).toBeGreaterThanOrEqual(0);
        if (at > 0) expect(/\p{L}/u.test(doc.text.replace(/\s+/g, ' ')[at - 1]!)).toBe(false);
      }
    }
  });

  it('saves a layout in the project (validated), with chosen codes, order and a column switch', async () => {
    const spec = {
      caption: 'Tabell 2. Urval',
      sections: [
        { path: 'Motiv och drivkrafter', columns: false, items: [{ path: 'Motiv och drivkrafter/Hålla samman hjälpen till klienten' }, { path: 'Motiv och drivkrafter/Lösa de egna arbetsuppgifterna' }] },
        { path: 'Den informella organiseringens uttryck', columns: false },
      ],
      options: { counts: 'quotes' as const },
    };
    await dispatch(session, 'tables.saveLayout', { name: 'Urval', spec });
    const stored = fx.p.db.prepare("SELECT spec FROM layouts WHERE kind = 'theme-table' AND name = 'Urval'").pluck().get() as string;
    expect(JSON.parse(stored).caption).toBe('Tabell 2. Urval');
    const t = await dispatch(session, 'tables.themeTable', { layout: 'Urval' });
    expect(t.sections[0]!.columns[0]!.items.map((b) => b.label)).toEqual(['Hålla samman hjälpen till klienten', 'Lösa de egna arbetsuppgifterna']);
    expect(t.sections[1]!.columns).toHaveLength(1);
    expect(t.sections[1]!.columns[0]!.items.map((b) => b.label)).toEqual(['I professionella kontakter', 'I situationer där klienten medverkar']);
    expect(t.sections[0]!.columns[0]!.items[0]!.countText).toMatch(/^\(\d+\)$/);
    await expect(dispatch(session, 'tables.saveLayout', { name: 'Trasig', spec: { sections: [{ path: '' }] } as never })).rejects.toThrow(/sections/);
    const md = await dispatch(session, 'tables.exportThemeTable', { layout: 'Urval', format: 'md' });
    const mdText = Buffer.from(md.base64!, 'base64').toString('utf8');
    expect(mdText).toContain('**Tabell 2. Urval**');
    expect(mdText).toMatch(/## Motiv och drivkrafter \(\d+\)\n\n- Hålla samman hjälpen till klienten \(\d+\)/);
    const clip = await dispatch(session, 'tables.clipboard', { layout: 'ifo-table1' });
    expect(clip.html).toContain('<table');
    expect(clip.text).toContain('▪ Bollande:');
    expect(clip.text).toContain('    – ömsesidig konsultation');
    expect((await dispatch(session, 'tables.deleteLayout', { name: 'Urval' })).deleted).toBe(true);
  });
});
