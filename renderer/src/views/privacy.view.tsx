/** Privacy: the pseudonym list with suggestions to confirm, and the automatic backups with restore. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PseudonymRow, PseudonymSuggestion } from '../../../shared/contract/privacy';
import type { BackupEntry } from '../../../shared/contract/project';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { formatDateTime } from '../util/dates';
import type { ViewDef } from './registry';

function fail(e: unknown): void {
  useApp.getState().setError(e instanceof Error ? e.message : String(e));
}

const fetchPrivacy = () => Promise.all([api.call('pseudonyms.list', {}), api.call('project.backups', {})]);

function PrivacyView() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const [entries, setEntries] = useState<PseudonymRow[]>([]);
  const [linked, setLinked] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<(PseudonymSuggestion & { checked: boolean })[] | null>(null);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [real, setReal] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const file = info?.file;
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!file) return;
    let live = true;
    fetchPrivacy().then(([list, copies]) => {
      if (!live) return;
      setEntries(list.entries);
      setLinked(list.file);
      setBackups(copies);
    }, fail);
    return () => {
      live = false;
    };
  }, [file, version]);

  const save = (next: PseudonymRow[]): void => {
    api.call('pseudonyms.set', { entries: next }).then((r) => (setEntries(r.entries), setLinked(r.file)), fail);
  };
  const accept = (): void => {
    const chosen = (suggestions ?? []).filter((s) => s.checked).map((s) => ({ real: s.text, pseudonym: s.pseudonym, kind: s.kind }));
    save([...entries, ...chosen]);
    setSuggestions(null);
  };
  const restore = (b: BackupEntry): void => {
    if (!window.confirm(t('privacy.restoreConfirm', { name: b.name }))) return;
    api
      .call('project.restore', { name: b.name })
      .then(async (r) => {
        setNotice(t('privacy.restored', { file: r.kept }));
        await useApp.getState().projectChanged();
        setVersion((v) => v + 1);
      }, fail);
  };

  if (!info) return <p className="empty">{t('app.noProject')}</p>;
  return (
    <div className="privacy-view" data-testid="privacy-view">
      <section className="panel" aria-labelledby="pseudonyms-title">
        <header className="panel-header">
          <h2 id="pseudonyms-title">{t('privacy.pseudonyms')}</h2>
          <span className="muted">{entries.length}</span>
        </header>
        <p className="muted">{t('privacy.intro')}</p>
        {linked && <p className="muted">{t('privacy.linked', { file: linked })}</p>}
        {entries.length === 0 ? (
          <p className="empty">{t('privacy.empty')}</p>
        ) : (
          <table className="data-table" data-testid="pseudonym-table">
            <thead>
              <tr><th>{t('privacy.real')}</th><th>{t('privacy.pseudonym')}</th><th>{t('privacy.kind')}</th><th /></tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.real} data-testid="pseudonym-row">
                  <td>{e.real}</td>
                  <td>{e.pseudonym}</td>
                  <td>{t(`privacy.kinds.${e.kind}`)}</td>
                  <td><button type="button" className="link" onClick={() => save(entries.filter((x) => x !== e))}>{t('privacy.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form className="pseudonym-add" onSubmit={(ev) => (ev.preventDefault(), real.trim() && pseudonym.trim() && (save([...entries, { real, pseudonym, kind: 'person' }]), setReal(''), setPseudonym('')))}>
          <input aria-label={t('privacy.real')} placeholder={t('privacy.real')} value={real} onChange={(e) => setReal(e.target.value)} data-testid="pseudonym-real" />
          <input aria-label={t('privacy.pseudonym')} placeholder={t('privacy.pseudonym')} value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} data-testid="pseudonym-new" />
          <button type="submit">{t('privacy.add')}</button>
          <button type="button" onClick={() => api.call('pseudonyms.suggest', {}).then((s) => setSuggestions(s.map((x) => ({ ...x, checked: true }))), fail)} data-testid="pseudonym-suggest">
            {t('privacy.suggest')}
          </button>
        </form>
        {suggestions && (
          <div className="pseudonym-suggestions" data-testid="pseudonym-suggestions">
            <h3>{t('privacy.suggestions')}</h3>
            {suggestions.length === 0 && <p className="muted">{t('privacy.noSuggestions')}</p>}
            {suggestions.map((s, i) => (
              <label key={s.text} className="suggestion" data-testid="pseudonym-suggestion">
                <input type="checkbox" checked={s.checked} onChange={(e) => setSuggestions(suggestions.map((x, j) => (j === i ? { ...x, checked: e.target.checked } : x)))} />
                <span>{s.text}</span> → <input aria-label={t('privacy.pseudonym')} value={s.pseudonym} onChange={(e) => setSuggestions(suggestions.map((x, j) => (j === i ? { ...x, pseudonym: e.target.value } : x)))} />
                <span className="muted">{t(`privacy.reason.${s.reason}`)} · {s.count}×</span>
              </label>
            ))}
            {suggestions.length > 0 && <button type="button" className="primary" onClick={accept} data-testid="pseudonym-accept">{t('privacy.accept')}</button>}
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="backups-title">
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
