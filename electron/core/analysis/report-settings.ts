/**
 * The report views' settings, kept in the project's `layouts` table (kind 'report-settings',
 * one row), so a term report opens as it was left — on this machine or a colleague's.
 */
import { ReportSettings } from '../../../shared/contract/reports';
import type { Project } from '../project/project';
import { layoutRowSpec, putLayoutRow } from './layouts';

const KIND = 'report-settings';
const NAME = 'default';

/** The saved settings; null when none were saved or they cannot be read (the views then start from their defaults). */
export function reportSettings(p: Project): ReportSettings | null {
  const spec = layoutRowSpec(p, KIND, NAME);
  if (spec === undefined) return null;
  try {
    const parsed = ReportSettings.safeParse(JSON.parse(spec));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveReportSettings(p: Project, settings: ReportSettings): ReportSettings {
  const parsed = ReportSettings.parse(settings);
  putLayoutRow(p, KIND, NAME, parsed);
  return parsed;
}
