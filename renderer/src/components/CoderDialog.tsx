/** Who codes in this project copy: asked before the first coding and when the coder is changed in the status bar. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoderQuestion, type CoderQuestion } from '../store/coder-store';
import { Dialog } from './Dialog';

export function CoderDialog() {
  const question = useCoderQuestion((s) => s.question);
  return question ? <CoderForm key={question.id} question={question} /> : null;
}

function CoderForm({ question }: { question: CoderQuestion }) {
  const { t } = useTranslation();
  const [name, setName] = useState(question.suggested);
  return (
    <Dialog
      title={t(`teams.coderDialog.title.${question.reason}`)}
      onClose={() => question.answer(null)}
      testId="coder-dialog"
      className="coder-dialog"
      onSubmit={() => {
        if (name.trim()) question.answer(name);
      }}
    >
      <p className="muted">{t(`teams.coderDialog.help.${question.reason}`)}</p>
      <label>
        {t('teams.coderDialog.name')}
        <input
          autoFocus
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          // the suggestion is selected, so typing replaces it and Enter keeps it
          onFocus={(e) => e.currentTarget.select()}
          data-testid="coder-name-input"
        />
      </label>
    </Dialog>
  );
}
