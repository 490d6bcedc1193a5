/** `--pseudonymise` / `--no-pseudonymise` on every export command, and the line saying what was checked. */
import type { ExportPrivacy } from '../../shared/contract/privacy';
import { UsageError, type OptionSpec } from './command';

export const PSEUDONYMISE_OPTIONS: OptionSpec = {
  pseudonymise: { type: 'boolean' },
  'no-pseudonymise': { type: 'boolean' },
};

export const PSEUDONYMISE_HELP =
  '--pseudonymise / --no-pseudonymise: replace real names by the project\'s pseudonyms and check the written file for real names, personnummer and source file names (on by default when the project has a pseudonym list; see "rodtrad pseudonyms").';

/** true, false, or undefined (the default: on when the project has a list). */
export function pseudonymiseOption(o: Record<string, unknown>): boolean | undefined {
  if (o.pseudonymise && o['no-pseudonymise']) throw new UsageError('give --pseudonymise or --no-pseudonymise, not both');
  if (o.pseudonymise) return true;
  if (o['no-pseudonymise']) return false;
  return undefined;
}

/** What the export did for privacy, in one sentence (empty when nothing was done). */
export function privacyNote(privacy: ExportPrivacy | undefined): string {
  if (!privacy?.leakChecked) return '';
  const pseudonyms = privacy.pseudonymised ? ` Pseudonymised (${privacy.replacements} replacement${privacy.replacements === 1 ? '' : 's'}).` : '';
  return `${pseudonyms} Checked: no real names (${privacy.names} searched), personnummer or source file names (${privacy.sourceFiles} searched) in the file.`;
}
