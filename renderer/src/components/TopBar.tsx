import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { setLanguage, type Language } from '../i18n';
import { useApp } from '../store/app-store';
import { UndoButtons } from './CodingShell';
import { ImportButton } from './import/ImportLayer';
import { ProjectBrowser } from './ProjectBrowser';
import { RefiMenu } from './refi/RefiMenu';

export function TopBar() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const openProject = useApp((s) => s.openProject);
  const createProject = useApp((s) => s.createProject);
  const [dialog, setDialog] = useState<null | 'open' | 'new'>(null);

  /** The desktop's own file dialog where there is one; otherwise the server's folder browser (browser mode). */
  const choose = async (kind: 'open' | 'new'): Promise<void> => {
    const picked = await api.call('host.pickFile', { purpose: kind === 'open' ? 'openProject' : 'newProject', extensions: ['rodtrad'], defaultName: kind === 'new' ? 'projekt.rodtrad' : undefined });
    if (!picked.supported) return setDialog(kind);
    const file = picked.paths[0];
    if (file) await (kind === 'open' ? openProject(file) : createProject(file));
  };

  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>◆</span> {t('app.title')}
      </div>
      <div className="project-name" data-testid="project-name">{info ? info.name : t('app.noProject')}</div>
      <nav className="actions">
        {info && <UndoButtons />}
        <ImportButton />
        <RefiMenu />
        <button type="button" onClick={() => void choose('open')}>{t('menu.open')}</button>
        <button type="button" onClick={() => void choose('new')}>{t('menu.new')}</button>
        <label className="lang">
          <span className="sr-only">{t('menu.language')}</span>
          <select aria-label={t('menu.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
      </nav>
      {dialog && <ProjectBrowser mode={dialog} onClose={() => setDialog(null)} />}
    </header>
  );
}
