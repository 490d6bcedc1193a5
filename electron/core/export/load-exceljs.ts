/**
 * exceljs takes a few hundred milliseconds to load; every CLI command and worker job would pay
 * that at start-up if it were imported at the top. Spreadsheet writers load it on first use.
 */
import type ExcelJSModule from 'exceljs';

let loaded: Promise<typeof ExcelJSModule> | undefined;
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loaded ??= import('exceljs').then((m) => (m as unknown as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule));
  return loaded;
}
