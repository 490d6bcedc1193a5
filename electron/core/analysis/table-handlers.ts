/** API handlers for theme tables, code matrices and co-occurrence (shared/contract/tables.ts). */
import { pseudonymiseClipboard } from '../privacy/export-guard';
import type { Handlers } from '../api/types';
import { cooccurrenceCsv, cooccurrenceXlsx, matrixCsv, matrixXlsx } from '../export/matrix-export';
import { deliver } from '../export/deliver';
import { themeTableClipboard, themeTableHtmlFile } from '../export/theme-table-html';
import { themeTableMarkdownFile } from '../export/theme-table-md';
import { buildCooccurrence } from './cooccurrence';
import { deleteLayout, listLayouts, saveLayout } from './layouts';
import { buildMatrix } from './matrix';
import { assertLayoutUsable, buildThemeTable, themeTableCodePaths } from './theme-table';
import { provenanceOf, type Provenance } from '../export/provenance';
import { wording } from '../../../shared/wording';

type TableMethod =
  | 'tables.layouts'
  | 'tables.saveLayout'
  | 'tables.deleteLayout'
  | 'tables.themeTable'
  | 'tables.exportThemeTable'
  | 'tables.clipboard'
  | 'tables.matrix'
  | 'tables.exportMatrix'
  | 'tables.cooccurrence'
  | 'tables.exportCooccurrence';

export const tableHandlers: Handlers<TableMethod> = {
  'tables.layouts': ({ session }) => listLayouts(session.requireProject()),
  'tables.saveLayout': ({ session }, { name, spec }) => saveLayout(session.requireProject(), name, spec),
  'tables.deleteLayout': ({ session }, { name }) => ({ deleted: deleteLayout(session.requireProject(), name) }),
  'tables.themeTable': ({ session }, req) => buildThemeTable(session.requireProject(), req),
  'tables.exportThemeTable': async ({ session }, { format, path, pseudonymise, ...req }) => {
    const p = session.requireProject();
    const t = buildThemeTable(p, req);
    assertLayoutUsable(t);
    const prov = (): Provenance =>
      provenanceOf(p, { language: t.options.language, filter: t.options.filter, codes: themeTableCodePaths(p, t), countingRule: wording(t.options.language).themeCountingRule(t.options.counts), pseudonymise });
    const bytes = format === 'docx' ? await (await import('../export/theme-table-docx')).themeTableDocx(t, prov()) : format === 'html' ? themeTableHtmlFile(t) : themeTableMarkdownFile(t);
    return deliver(bytes, format, t.caption || (t.options.language === 'sv' ? 'Tematabell' : 'Theme table'), path, { project: p, pseudonymise });
  },
  'tables.clipboard': ({ session }, req) => {
    const project = session.requireProject();
    return pseudonymiseClipboard(project, themeTableClipboard(buildThemeTable(project, req)));
  },
  'tables.matrix': ({ session }, req) => buildMatrix(session.requireProject(), req),
  'tables.exportMatrix': async ({ session }, { format, path, pseudonymise, ...req }) => {
    const p = session.requireProject();
    const m = buildMatrix(p, req);
    const lang = req.language;
    const prov = provenanceOf(p, { language: lang, filter: req.filter, codes: req.codeIds ? m.rows.map((r) => r.path) : [], countingRule: wording(lang).matrixCountingRule(m.cells), pseudonymise });
    const bytes = format === 'xlsx' ? await matrixXlsx(m, lang, prov) : matrixCsv(m, lang);
    return deliver(bytes, format, lang === 'sv' ? 'Kodmatris' : 'Code matrix', path, { project: p, pseudonymise });
  },
  'tables.cooccurrence': ({ session }, req) => buildCooccurrence(session.requireProject(), req),
  'tables.exportCooccurrence': async ({ session }, { format, path, pseudonymise, ...req }) => {
    const p = session.requireProject();
    const c = buildCooccurrence(p, req);
    const lang = req.language;
    const prov = provenanceOf(p, { language: lang, filter: req.filter, codes: req.codeIds ? c.codes.map((r) => r.path) : [], countingRule: wording(lang).cooccurrenceCountingRule(c.by), pseudonymise });
    const bytes = format === 'xlsx' ? await cooccurrenceXlsx(c, lang, prov) : cooccurrenceCsv(c, lang);
    return deliver(bytes, format, lang === 'sv' ? 'Samförekomst' : 'Co-occurrence', path, { project: p, pseudonymise });
  },
};
