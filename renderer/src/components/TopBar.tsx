import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';
import { useApp } from '../store/app-store';
import { UndoButtons } from './CodingShell';
import { FileMenu } from './FileMenu';
import { RefiMenu } from './refi/RefiMenu';

/** The top bar stays clean: the File menu, the project's name, undo/redo and the language. */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>◆</span> {t('app.title')}
      </div>
      <FileMenu />
      <div className="project-name" data-testid="project-name" title={info?.file}>{info ? info.name : t('app.noProject')}</div>
      <nav className="actions">
        {info && <UndoButtons />}
        <RefiMenu />
        <label className="lang">
          <span className="sr-only">{t('menu.language')}</span>
          <select aria-label={t('menu.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
      </nav>
    </header>
  );
}
