/** The passphrase of an encrypted project, asked for when the core needs it (never echoed, never stored by the page). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePassphrase } from '../store/passphrase-store';
import { Dialog } from './Dialog';

export function PassphraseDialog() {
  const asking = usePassphrase((s) => s.asking);
  if (!asking) return null;
  // a new dialog (and so an empty field) for each question
  return <PassphraseForm key={`${asking.file}:${String(asking.wrong)}`} />;
}

function PassphraseForm() {
  const { t } = useTranslation();
  const asking = usePassphrase((s) => s.asking)!;
  const [value, setValue] = useState('');
  const name = asking.file.split(/[\\/]/).pop() ?? asking.file;
  return (
    <Dialog title={t('passphrase.title')} onClose={() => asking.answer(null)} onSubmit={() => value && asking.answer(value)} submitLabel={t('passphrase.open')} testId="passphrase-dialog">
      <label>
        {t('passphrase.label', { file: name })}
        <input type="password" autoComplete="off" data-autofocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="passphrase-input" />
      </label>
      {asking.wrong && <p role="alert" className="error">{t('passphrase.wrong')}</p>}
      <p className="hint">{t('passphrase.hint')}</p>
    </Dialog>
  );
}
