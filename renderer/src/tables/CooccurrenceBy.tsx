/** The co-occurrence "count by" choice, shared by the Matris and Kodkarta views. */
import { useTranslation } from 'react-i18next';
import type { CooccurrenceBy } from '../../../shared/contract/tables';

const BY: CooccurrenceBy[] = ['overlap', 'turn', 'document'];

export function CooccurrenceBySelect({ value, onChange }: { value: CooccurrenceBy; onChange: (by: CooccurrenceBy) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('tables.matrix.by')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as CooccurrenceBy)}>
        {BY.map((b) => <option key={b} value={b}>{t(`tables.matrix.byMode.${b}`)}</option>)}
      </select>
    </label>
  );
}
