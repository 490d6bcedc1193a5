/**
 * The report views' settings, kept in the project's `layouts` table (kind 'report-settings',
 * one row), so a term report opens as it was left — on this machine or a colleague's.
 */
import { ReportSettings } from '../../../shared/contract/reports';
import type { Project } from '../project/project';

const KIND = 'report-settings';
const NAME = 'default';

/** The saved settings; null when none were saved or they cannot be read (the views then start from their defaults). */
export function reportSettings(p: Project): ReportSettings | null {
  const spec = p.db.prepare('SELECT spec FROM layouts WHERE kind = ? AND name = ?').pluck().get(KIND, NAME) as string | undefined;
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
  p.transaction(() => {
    p.db
      .prepare(
        `INSERT INTO layouts(guid, kind, name, spec, modified_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(kind, name) DO UPDATE SET spec = excluded.spec, modified_at = excluded.modified_at`,
      )
      .run(p.guid(), KIND, NAME, JSON.stringify(parsed), p.now());
  });
  return parsed;
}
