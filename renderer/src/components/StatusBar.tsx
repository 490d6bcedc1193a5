import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { changeCoder } from '../store/coder-store';
import { formatNumber } from '../util/format';
import { progressLabel } from './progress-label';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const host = useApp((s) => s.host);
  const progress = useApp((s) => s.progress);
  const cancelJob = useApp((s) => s.cancelJob);
  const jobs = Object.values(progress);
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      {jobs.length === 0 ? (
        <span>{t('status.ready')}</span>
      ) : (
        jobs.map((p) => (
          <span key={p.jobId} className="job" data-testid="progress">
            <span data-testid="progress-label">{progressLabel(p, t)}</span>
            <progress max={p.total || 1} value={p.done} aria-label={progressLabel(p, t)} />
            <span>
              {formatNumber(p.done, i18n.language)} / {formatNumber(p.total, i18n.language)}
            </span>
            <button type="button" className="link" onClick={() => void cancelJob(p.jobId)}>{t('status.cancel')}</button>
          </span>
        ))
      )}
      <span className="spacer" />
      {info && (
        <>
          <span>{t('documents.count', { count: info.counts.documents })}</span>
          <button
            type="button"
            className="link"
            title={t('teams.changeCoder')}
            data-testid="status-coder"
            onClick={() => void changeCoder(info.coder)}
          >
            {t('status.coder', { name: info.coder })}
          </button>
          <span>{t('status.schema', { version: info.schemaVersion })}</span>
          {info.encrypted && <span data-testid="encrypted" title={t('status.encryptedHint')}>{t('status.encrypted')}</span>}
          {info.storageWarning && (
            <span className="read-only" data-testid="storage-warning" title={i18n.language === 'sv' ? info.storageWarning.messageSv : info.storageWarning.message}>
              {t('status.syncWarning')}
            </span>
          )}
          {info.readOnly && (
            <span className="read-only" data-testid="read-only" title={t('status.readOnlyHint')}>
              {t('status.readOnly')}
            </span>
          )}
        </>
      )}
      {host && (host === 'desktop' || host === 'browser') && <span>{t(`status.mode.${host}`)}</span>}
    </footer>
  );
}
