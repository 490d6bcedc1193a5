import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { CodeTree } from './CodeTree';
import { CoderDialog } from './CoderDialog';
import { CodingShell } from './CodingShell';
import { DocumentList } from './DocumentList';
import { CenterTabs } from './CenterTabs';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { ImportLayer } from './import/ImportLayer';

export function App() {
  const { t } = useTranslation();
  const init = useApp((s) => s.init);
  const loading = useApp((s) => s.loading);
  const error = useApp((s) => s.error);
  const setError = useApp((s) => s.setError);
  useEffect(() => {
    void init();
  }, [init]);

  return (
    <div className="app">
      <TopBar />
      {error && (
        <div className="error-banner" role="alert">
          <strong>{t('errors.title')}:</strong> {error}
          <button type="button" className="link" onClick={() => setError(null)}>{t('errors.dismiss')}</button>
        </div>
      )}
      {loading ? (
        <p className="empty">{t('app.loading')}</p>
      ) : (
        <main className="workbench">
          <DocumentList />
          <CenterTabs />
          <CodeTree />
        </main>
      )}
      <StatusBar />
      {!loading && <CodingShell />}
      {!loading && <ImportLayer />}
      <CoderDialog />
    </div>
  );
}
