/**
 * "Add to the pseudonym list" for a selection in a document: the selected words as the real
 * name, the kind the core guesses from the name and how the documents use it, and the next
 * free pseudonym of that kind, all editable before the name is added (one undo step).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PseudonymKind } from '../../../../shared/contract/privacy';
import { api } from '../../api/client';
import { useApp } from '../../store/app-store';
import { usePseudonyms } from '../../store/pseudonym-store';
import { Dialog } from '../Dialog';
import { KINDS } from './PseudonymTable';

export function AddPseudonymDialog({ text, onClose }: { text: string; onClose(): void }) {
  const { t } = useTranslation();
  const [real, setReal] = useState(text.trim().replace(/\s+/gu, ' ').slice(0, 300));
  const [pseudonym, setPseudonym] = useState('');
  const [kind, setKind] = useState<PseudonymKind>('person');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    let live = true;
    if (!real.trim()) return;
    api.call('pseudonyms.guessKind', { real }).then((g) => {
      if (!live || touched) return;
      setKind(g.kind);
      setPseudonym(g.pseudonym);
    }, () => undefined);
    return () => {
      live = false;
    };
    // the guess is for the name as it was selected; the user's own choice is kept after that
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = async (): Promise<void> => {
    if (!real.trim()) return;
    if (await usePseudonyms.getState().add(real, pseudonym.trim() || undefined, kind)) {
      useApp.getState().setNotice(t('privacy.added', { real: real.trim(), pseudonym: pseudonym.trim() || '…' }));
      onClose();
    }
  };
  return (
    <Dialog title={t('privacy.addTitle')} onClose={onClose} onSubmit={() => void submit()} submitLabel={t('privacy.add')} testId="add-pseudonym-dialog">
      <div className="pseudonym-dialog-grid">
        <label>
          {t('privacy.real')}
          <input value={real} onChange={(e) => setReal(e.target.value)} data-testid="add-pseudonym-real" />
        </label>
        <label>
          {t('privacy.pseudonym')}
          <input value={pseudonym} data-autofocus onChange={(e) => (setPseudonym(e.target.value), setTouched(true))} data-testid="add-pseudonym-pseudonym" />
        </label>
        <label>
          {t('privacy.kind')}
          <select value={kind} onChange={(e) => (setKind(e.target.value as PseudonymKind), setTouched(true))} data-testid="add-pseudonym-kind">
            {KINDS.map((k) => <option key={k} value={k}>{t(`privacy.kinds.${k}`)}</option>)}
          </select>
        </label>
      </div>
      <p className="hint">{t('privacy.addHint')}</p>
    </Dialog>
  );
}
