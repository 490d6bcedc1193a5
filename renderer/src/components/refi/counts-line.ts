/** The import report's counts as a sentence, each number with its noun in the number it takes ("1 kod", "2 koder"). */
import type { TFunction } from 'i18next';
import type { RefiCounts } from '../../../../shared/contract/refi';

const COUNTED = ['users', 'codes', 'sources', 'selections', 'codings', 'notes', 'sets', 'variables'] as const;

export function refiCountsLine(c: RefiCounts, t: TFunction): string {
  return t('refi.counts.line', Object.fromEntries(COUNTED.map((k) => [k, t(`refi.counts.${k}`, { count: c[k] })])));
}
