/**
 * Speakers: every speaker of every document (or of the selected one) — mark the
 * interviewer, give a display name or pseudonym, set the role (speaker attribute "roll") —
 * and auto-code by speaker or by role: a code per speaker/role, a quotation per turn.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerRow } from '../../../shared/contract/import';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { collator, formatNumber } from '../util/format';
import type { ViewDef } from './registry';
import '../components/import/import.css';

const ROLE = 'roll';

function SpeakersView() {
  const { t, i18n } = useTranslation();
  const documents = useApp((s) => s.documents);
  const selected = useApp((s) => s.selectedDocumentId);
  const setError = useApp((s) => s.setError);
  const [rows, setRows] = useState<SpeakerRow[]>([]);
  const [onlySelected, setOnlySelected] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // state is set when the answer comes, never synchronously (this also runs from an effect)
  const load = useCallback(
    (): Promise<void> => api.call('speakers.list', {}).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e))),
    [setError],
  );
  useEffect(() => {
    void load();
  }, [load, documents]);

  const lang = i18n.language;
  const shown = useMemo(() => rows.filter((r) => !onlySelected || r.documentId === selected), [rows, onlySelected, selected]);
  const roles = useMemo(() => [...new Set(rows.map((r) => r.attributes[ROLE]).filter((x): x is string => !!x))].sort(collator(lang).compare), [rows, lang]);

  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const autocode = async (by: 'speaker' | 'attribute'): Promise<void> => {
    setBusy(true);
    try {
      const r = await api.call('speakers.autocode', {
        by,
        ...(by === 'attribute' ? { attribute: ROLE } : {}),
        ...(onlySelected && selected !== null ? { documentIds: [selected] } : {}),
      });
      setMessage(t('speakers.coded', { quotations: formatNumber(r.quotations, lang), codes: r.codes.length }));
      await useApp.getState().refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="speakers-view" data-testid="speakers-view">
      <div className="speakers-toolbar">
        <label className="speakers-only">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} disabled={selected === null} />
          {t('speakers.onlySelected')}
        </label>
        <span className="spacer" />
        <button type="button" disabled={busy || shown.length === 0} onClick={() => void autocode('speaker')} data-testid="autocode-speaker">{t('speakers.bySpeaker')}</button>
        <button type="button" disabled={busy || roles.length === 0} onClick={() => void autocode('attribute')} data-testid="autocode-role">{t('speakers.byRole')}</button>
      </div>
      {message && <p className="speakers-message" role="status">{message}</p>}
      {shown.length === 0 ? (
        <p className="empty">{t('speakers.none')}</p>
      ) : (
        <div className="speakers-table-wrap">
          <table className="speakers-table">
            <thead>
              <tr>
                <th>{t('speakers.col.document')}</th>
                <th>{t('speakers.col.label')}</th>
                <th>{t('speakers.col.name')}</th>
                <th>{t('speakers.col.role')}</th>
                <th>{t('speakers.col.interviewer')}</th>
                <th className="num">{t('speakers.col.turns')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-testid="speaker-row">
                  <td className="speakers-doc" title={r.documentName}>{r.documentName}</td>
                  <td className="speakers-label">{r.label}</td>
                  <td>
                    <input
                      defaultValue={r.name ?? ''}
                      aria-label={t('speakers.nameOf', { label: r.label })}
                      onBlur={(e) => e.target.value !== (r.name ?? '') && void act(() => api.call('speakers.update', { id: r.id, name: e.target.value || null }))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td>
                    <input
                      defaultValue={r.attributes[ROLE] ?? ''}
                      list="speaker-roles"
                      aria-label={t('speakers.roleOf', { label: r.label })}
                      data-testid="speaker-role"
                      onBlur={(e) =>
                        e.target.value.trim() !== (r.attributes[ROLE] ?? '') &&
                        void act(() => api.call('attributes.setSpeakerValue', { speakerId: r.id, name: ROLE, value: e.target.value.trim() || null }))
                      }
                      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                    />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      checked={r.isInterviewer}
                      aria-label={t('speakers.interviewerOf', { label: r.label })}
                      onChange={(e) => void act(() => api.call('speakers.update', { id: r.id, isInterviewer: e.target.checked }))}
                    />
                  </td>
                  <td className="num">{formatNumber(r.turns, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <datalist id="speaker-roles">
            {['chef', 'medarbetare', 'socialsekreterare', ...roles].filter((v, i, a) => a.indexOf(v) === i).map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </div>
      )}
    </div>
  );
}

const view: ViewDef = { id: 'speakers', titleKey: 'speakers.tab', order: 25, component: SpeakersView };
export default view;
