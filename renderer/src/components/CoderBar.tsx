/**
 * "Vem kodar?" for a copy whose coder was never chosen: a bar under the top bar, not a modal,
 * so a solo researcher is never held up. The operating-system user is suggested; coding goes
 * on under that name until the user saves another (or the suggestion, which stops the
 * question). "Inte nu" hides it for this page; it asks again the next time the project opens.
 * Every quotation still records its coder (docs/TEAMS.md).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { setCoder } from '../store/coder-store';

/** Project files whose question was put off on this page. */
const later = new Set<string>();

export function CoderBar() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const [asking, setAsking] = useState<{ file: string; suggested: string } | null>(null);
  const [name, setName] = useState('');
  const file = info?.file ?? null;
  const readOnly = info?.readOnly ?? true;
  const coder = info?.coder ?? null;

  useEffect(() => {
    let live = true;
    if (!file || readOnly || later.has(file)) return;
    api.call('project.coder', {}).then(
      (c) => {
        if (!live) return;
        setAsking(c.chosen ? null : { file, suggested: c.name });
        setName(c.name);
      },
      () => live && setAsking(null),
    );
    return () => {
      live = false;
    };
  }, [file, readOnly, coder]);

  if (!asking || asking.file !== file || readOnly) return null;

  const save = (): void => {
    if (!name.trim()) return;
    setCoder(name).then(
      () => setAsking(null),
      (e: unknown) => useApp.getState().setError(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <form
      className="coder-bar"
      role="region"
      aria-label={t('teams.coderBar.question')}
      data-testid="coder-bar"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <strong>{t('teams.coderBar.question')}</strong>
      <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label={t('teams.coderDialog.name')} data-testid="coder-bar-name" />
      <button type="submit" data-testid="coder-bar-save">{t('teams.coderBar.save')}</button>
      <button
        type="button"
        className="link"
        onClick={() => {
          later.add(asking.file);
          setAsking(null);
        }}
        data-testid="coder-bar-later"
      >
        {t('teams.coderBar.later')}
      </button>
      <span className="coder-bar-help">{t('teams.coderBar.help')}</span>
    </form>
  );
}
