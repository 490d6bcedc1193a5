/**
 * Sekretess: the project's code key (real names → pseudonyms) with kinds, counts in the
 * documents, search and filters, suggestions to confirm and CSV import; every change is one
 * undo step. Below it, the automatic backups with restore.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PseudonymKind, PseudonymSuggestion } from '../../../shared/contract/privacy';
import type { BackupEntry } from '../../../shared/contract/project';
import { api } from '../api/client';
import { KINDS, PseudonymTable } from '../components/privacy/PseudonymTable';
import { PseudonymSuggestions } from '../components/privacy/PseudonymSuggestions';
import { useApp } from '../store/app-store';
import { usePseudonyms } from '../store/pseudonym-store';
import { formatDateTime } from '../util/dates';
import type { ViewDef } from './registry';
import './privacy.css';

function fail(e: unknown): void {
  useApp.getState().setError(e instanceof Error ? e.message : String(e));
}

/** Changes after which the list or its counts may differ. */
const RELOAD = /^(pseudonyms|history|documents|import|project)\./;

function AddForm() {
  const { t } = useTranslation();
  const [real, setReal] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [kind, setKind] = useState<PseudonymKind | 'guess'>('guess');
  const first = useRef<HTMLInputElement>(null);
  const submit = async (): Promise<void> => {
    if (!real.trim()) return;
    if (await usePseudonyms.getState().add(real, pseudonym.trim() || undefined, kind === 'guess' ? undefined : kind)) {
      setReal('');
      setPseudonym('');
      setKind('guess');
      first.current?.focus();
    }
  };
  return (
    <form className="pseudonym-add" onSubmit={(ev) => (ev.preventDefault(), void submit())} aria-label={t('privacy.addTitle')}>
      <input ref={first} aria-label={t('privacy.real')} placeholder={t('privacy.real')} value={real} onChange={(e) => setReal(e.target.value)} data-testid="pseudonym-real" />
      <span className="arrow" aria-hidden="true">→</span>
      <input aria-label={t('privacy.pseudonym')} placeholder={t('privacy.pseudonymGuess')} value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} data-testid="pseudonym-new" />
      <select aria-label={t('privacy.kind')} value={kind} onChange={(e) => setKind(e.target.value as PseudonymKind | 'guess')} data-testid="pseudonym-new-kind">
        <option value="guess">{t('privacy.kindGuess')}</option>
        {KINDS.map((k) => <option key={k} value={k}>{t(`privacy.kinds.${k}`)}</option>)}
      </select>
      <button type="submit" className="primary" disabled={!real.trim()} data-testid="pseudonym-add">{t('privacy.add')}</button>
    </form>
  );
}

function PrivacyView() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const linked = usePseudonyms((s) => s.linked);
  const count = usePseudonyms((s) => s.entries.length);
  const load = usePseudonyms((s) => s.load);
  const [suggestions, setSuggestions] = useState<PseudonymSuggestion[] | null>(null);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const csv = useRef<HTMLInputElement>(null);
  const file = info?.file;
  useEffect(() => {
    if (!file) return;
    let live = true;
    void load();
    api.call('project.backups', {}).then((copies) => live && setBackups(copies), fail);
    return () => {
      live = false;
    };
  }, [file, version, load]);
  useEffect(() => api.on((e) => void (e.type === 'changed' && RELOAD.test(e.method) && load())), [load]);

  const restore = (b: BackupEntry): void => {
    if (!window.confirm(t('privacy.restoreConfirm', { name: b.name }))) return;
    api.call('project.restore', { name: b.name }).then(async (r) => {
      setNotice(t('privacy.restored', { file: r.kept }));
      await useApp.getState().projectChanged();
      setVersion((v) => v + 1);
    }, fail);
  };
  const importCsv = async (f: File | undefined): Promise<void> => {
    if (f) await usePseudonyms.getState().importCsv(await f.text());
    if (csv.current) csv.current.value = '';
  };

  if (!info) return <p className="empty">{t('app.noProject')}</p>;
  return (
    <div className="privacy-view" data-testid="privacy-view">
      <section className="panel pseudonym-panel" aria-labelledby="pseudonyms-title">
        <header className="panel-header">
          <h2 id="pseudonyms-title">{t('privacy.pseudonyms')}</h2>
          <span className="muted" data-testid="pseudonym-total">{t('privacy.names', { count })}</span>
        </header>
        <div className="pseudonym-body">
          <div className="pseudonym-intro-row">
            <p className="muted intro">{t('privacy.intro')}</p>
            <div className="pseudonym-actions">
              <button type="button" className="small-button" onClick={() => api.call('pseudonyms.suggest', {}).then(setSuggestions, fail)} data-testid="pseudonym-suggest">{t('privacy.suggest')}</button>
              <button type="button" className="small-button" onClick={() => csv.current?.click()} data-testid="pseudonym-import">{t('privacy.importCsv')}</button>
              <input ref={csv} type="file" accept=".csv,text/csv,text/plain" hidden onChange={(e) => void importCsv(e.target.files?.[0])} data-testid="pseudonym-import-file" />
            </div>
          </div>
          {linked && <p className="muted">{t('privacy.linked', { file: linked })}</p>}
          <AddForm />
          {suggestions && <PseudonymSuggestions suggestions={suggestions} onDone={() => setSuggestions(null)} />}
          <PseudonymTable />
        </div>
      </section>
      <section className="panel backup-panel" aria-labelledby="backups-title">
        <header className="panel-header">
          <h2 id="backups-title">{t('privacy.backups')}</h2>
        </header>
        {notice && <p role="status">{notice}</p>}
        {backups.length === 0 ? (
          <p className="empty">{t('privacy.noBackups')}</p>
        ) : (
          <ul className="backup-list">
            {backups.map((b) => (
              <li key={b.name} data-testid="backup-row">
                <span>{formatDateTime(b.created, i18n.language)}</span> <span className="muted">{b.name}</span>{' '}
                <button type="button" onClick={() => restore(b)}>{t('privacy.restore')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const view: ViewDef = { id: 'privacy', titleKey: 'privacy.tab', order: 90, component: PrivacyView };
export default view;
