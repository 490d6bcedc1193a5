/** What the status bar says a job is doing: the job's own message, else its phase in the UI's language. */
import type { TFunction } from 'i18next';
import type { Progress } from '../../../shared/contract';

export function progressLabel(p: Pick<Progress, 'phase' | 'message'>, t: TFunction): string {
  return p.message ?? t(`progress.${p.phase}`);
}
