import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { CodeTree } from './CodeTree';
import { CoderBar } from './CoderBar';
import { CoderDialog } from './CoderDialog';
import { CodingShell } from './CodingShell';
import { DocumentList } from './DocumentList';
import { CenterTabs } from './CenterTabs';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { Workbench } from './Workbench';
import { ImportLayer } from './import/ImportLayer';
import { InterruptedImportNote } from './import/InterruptedImportNote';
import { PassphraseDialog } from './PassphraseDialog';
import { ExportCheckedNote } from './ExportCheckedNote';

export function App() {
  const { t } = useTranslation();
  const init = useApp((s) => s.init);
  const loading = useApp((s) => s.loading);
  const error = useApp((s) => s.error);
  const setError = useApp((s) => s.setError);
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  useEffect(() => {
    void init();
  }, [init]);

  return (
    <div className="app">
      <TopBar />
      <div className="banners">
        {!loading && <CoderBar />}
        {error && (
          <div className="error-banner" role="alert">
            <strong>{t('errors.title')}:</strong> {error}
            <button type="button" className="link" onClick={() => setError(null)}>{t('errors.dismiss')}</button>
          </div>
        )}
        <ExportCheckedNote />
        {notice && (
          <div className="notice-banner" role="status" data-testid="notice">
            <span>{notice}</span>
            <button type="button" className="link" onClick={() => setNotice(null)}>{t('errors.dismiss')}</button>
          </div>
        )}
      </div>
      {loading ? (
        <p className="empty">{t('app.loading')}</p>
      ) : (
        <Workbench left={<DocumentList />} center={<CenterTabs />} right={<CodeTree />} />
      )}
      <StatusBar />
      {!loading && <CodingShell />}
      {!loading && <ImportLayer />}
      {!loading && <InterruptedImportNote />}
      <PassphraseDialog />
      <CoderDialog />
    </div>
  );
}
