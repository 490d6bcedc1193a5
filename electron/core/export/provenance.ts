/**
 * How an export was made, on its last page (DOCX) or sheet (XLSX): the project, the selection,
 * the codes, the counting rule, the date (Project.now()) and the program version, so a reader
 * of a table knows what a number means. The words come from shared/wording.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/format/numbers';
import { wording } from '../../../shared/wording';
import type { DocumentFilter } from '../../../shared/contract/filter';
import { describeFilter } from '../analysis/filter';
import type { Project } from '../project/project';
import { exportPrivacyPlan } from '../privacy/export-guard';
import { appVersion } from '../version';

export interface Provenance {
  title: string;
  rows: [string, string][];
}

export interface ProvenanceInput {
  language: Lang;
  filter: DocumentFilter | undefined;
  /** Code paths shown; [] = every code, null = not about codes. */
  codes: string[] | null;
  countingRule: string;
  /** The export's pseudonymise option (default: on when the project has a pseudonym list). */
  pseudonymise?: boolean | undefined;
}

export function projectName(p: Project): string {
  return p.getMeta('name') || path.basename(p.file).replace(/\.rodtrad$/i, '');
}

export function provenanceOf(p: Project, input: ProvenanceInput): Provenance {
  const plan = exportPrivacyPlan(p, input.pseudonymise);
  return wording(input.language).provenance({
    project: projectName(p),
    filter: describeFilter(input.filter, input.language),
    codes: input.codes,
    countingRule: input.countingRule,
    madeAt: p.now(),
    version: appVersion(),
    // the guard removes a file that fails the check, so a file that says this passed it
    privacy: plan.checked ? { names: plan.names } : null,
  });
}

/** The provenance as the last sheet of a workbook. */
export function addProvenanceSheet(wb: ExcelJS.Workbook, prov: Provenance, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow([prov.title]).font = { bold: true, size: 13 };
  for (const [k, v] of prov.rows) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 100;
  return ws;
}
