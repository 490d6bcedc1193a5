/** Suggested names for the list, each with its guessed kind and pseudonym, to tick and confirm. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PseudonymKind, PseudonymSuggestion } from '../../../../shared/contract/privacy';
import { usePseudonyms } from '../../store/pseudonym-store';
import { KINDS } from './PseudonymTable';

type Row = PseudonymSuggestion & { checked: boolean };

export function PseudonymSuggestions({ suggestions, onDone }: { suggestions: PseudonymSuggestion[]; onDone(): void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => suggestions.map((s) => ({ ...s, checked: true })));
  const change = (i: number, patch: Partial<Row>): void => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const accept = async (): Promise<void> => {
    const { entries, save } = usePseudonyms.getState();
    await save([...entries, ...rows.filter((r) => r.checked).map((r) => ({ real: r.text, pseudonym: r.pseudonym, kind: r.kind }))]);
    onDone();
  };
  const chosen = rows.filter((r) => r.checked).length;
  return (
    <div className="pseudonym-suggestions" data-testid="pseudonym-suggestions">
      <div className="suggestions-head">
        <h3>{t('privacy.suggestions')}</h3>
        <span className="muted">{t('privacy.suggestionsHint')}</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('privacy.noSuggestions')}</p>
      ) : (
        <table className="pseudonym-table suggestion-table">
          <tbody>
            {rows.map((s, i) => (
              <tr key={s.text} data-testid="pseudonym-suggestion" className={s.checked ? '' : 'unchecked'}>
                <td><input type="checkbox" aria-label={t('privacy.take', { name: s.text })} checked={s.checked} onChange={(e) => change(i, { checked: e.target.checked })} /></td>
                <td className="suggested-name">{s.text}</td>
                <td className="arrow" aria-hidden="true">→</td>
                <td><input className="cell-input" aria-label={t('privacy.pseudonymOf', { name: s.text })} value={s.pseudonym} onChange={(e) => change(i, { pseudonym: e.target.value })} /></td>
                <td>
                  <select className={`kind-select kind-${s.kind}`} aria-label={t('privacy.kindOf', { name: s.text })} value={s.kind} onChange={(e) => change(i, { kind: e.target.value as PseudonymKind })} data-testid="suggestion-kind">
                    {KINDS.map((k) => <option key={k} value={k}>{t(`privacy.kinds.${k}`)}</option>)}
                  </select>
                </td>
                <td className="muted">{t(`privacy.reason.${s.reason}`)}</td>
                <td className="num muted">{s.count}×</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="suggestions-actions">
        {rows.length > 0 && (
          <button type="button" className="primary" disabled={chosen === 0} onClick={() => void accept()} data-testid="pseudonym-accept">
            {t('privacy.accept', { count: chosen })}
          </button>
        )}
        <button type="button" onClick={onDone}>{t('privacy.close')}</button>
      </div>
    </div>
  );
}
