/** Code matrices and co-occurrence tables as XLSX or CSV, through the shared grid writer. */
import type { Cooccurrence, Matrix } from '../../../shared/contract/tables';
import { formatKofN } from '../../../shared/format/numbers';
import type { Grid } from './grid';
import { gridCsv, gridXlsx } from './grid';
import type { Provenance } from './provenance';

export function matrixGrid(m: Matrix, language: 'sv' | 'en'): Grid {
  const sv = language === 'sv';
  const percent = m.cells === 'row-percent' || m.cells === 'col-percent';
  const columns = m.columns.map((c) => ({
    label: m.cols === 'docs' ? c.label : `${c.label} (n=${c.documents})`,
    // k of n stays a number in Excel and still reads "22 av 30".
    numFmt: m.cells === 'k-of-n' ? `0" ${sv ? 'av' : 'of'} ${c.documents}"` : percent ? '0.0' : '0',
  }));
  return {
    sheetName: sv ? 'Kodmatris' : 'Code matrix',
    corner: sv ? 'Kod' : 'Code',
    columns,
    rows: m.rows.map((r, i) => ({ label: r.name, path: r.path, depth: r.depth, values: m.values[i]! })),
    decimals: percent ? 1 : 0,
    csvText: m.cells === 'k-of-n' ? (ri, ci) => formatKofN(m.values[ri]![ci]!, m.columns[ci]!.documents, language).replace(/\u00a0/g, '') : undefined,
    language,
    heatMap: true,
  };
}

export function cooccurrenceGrid(c: Cooccurrence, language: 'sv' | 'en'): Grid {
  const sv = language === 'sv';
  return {
    sheetName: sv ? 'Samförekomst' : 'Co-occurrence',
    corner: sv ? 'Kod' : 'Code',
    columns: c.codes.map((k) => ({ label: k.name, numFmt: '0' })),
    rows: c.codes.map((k, i) => ({ label: k.name, path: k.path, depth: k.depth, values: c.counts[i]! })),
    decimals: 0,
    language,
    heatMap: true,
  };
}

export const matrixXlsx = (m: Matrix, lang: 'sv' | 'en', prov?: Provenance): Promise<Buffer> => gridXlsx(matrixGrid(m, lang), prov);
export const matrixCsv = (m: Matrix, lang: 'sv' | 'en'): Buffer => gridCsv(matrixGrid(m, lang));
export const cooccurrenceXlsx = (c: Cooccurrence, lang: 'sv' | 'en', prov?: Provenance): Promise<Buffer> => gridXlsx(cooccurrenceGrid(c, lang), prov);
export const cooccurrenceCsv = (c: Cooccurrence, lang: 'sv' | 'en'): Buffer => gridCsv(cooccurrenceGrid(c, lang));
