/**
 * Import in the window: a drop zone over the whole window while files are dragged in, and
 * the import dialog (choose files or a folder, options, per-file results). Progress shows
 * in the status bar like every job; the dialog shows the same bar for its own job.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileResult } from '../../../../shared/contract/import';
import { useApp } from '../../store/app-store';
import { filesFromDrop, useImport, type ColumnRole, type PendingFile } from '../../store/import-store';
import { formatNumber } from '../../util/format';
import { dropRefi } from '../refi/refi-drop';
import { dropMedia } from '../media/media-drop';
import './import.css';

const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be', 'iso-8859-1'] as const;

export function ImportLayer() {
  const { t } = useTranslation();
  const dragging = useImport((s) => s.dragging);
  const setDragging = useImport((s) => s.setDragging);
  const show = useImport((s) => s.show);
  const addFiles = useImport((s) => s.addFiles);
  const start = useImport((s) => s.start);
  const open = useImport((s) => s.open);
  const info = useApp((s) => s.info);
  const depth = useRef(0);

  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent): void => {
      if (!hasFiles(e) || !info) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e) || !info) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent): void => {
      // never let the browser navigate to a dropped file
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (!e.dataTransfer || !info) return;
      // a REFI-QDA project or codebook is an exchange, not documents to add
      if (dropRefi(Array.from(e.dataTransfer.files))) return;
      // a recording dropped while a document is open is linked to it, not imported
      if (dropMedia(Array.from(e.dataTransfer.files), useApp.getState().document !== null)) return;
      void filesFromDrop(e.dataTransfer).then((files) => {
        if (files.length === 0) return;
        const state = useImport.getState();
        // dropped straight onto the window: import at once with the current options
        if (!state.open) {
          show(files);
          void start();
        } else addFiles(files);
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [info, setDragging, show, start, addFiles]);

  return (
    <>
      {dragging && (
        <div className="import-dropzone" data-testid="import-dropzone" aria-hidden>
          <div className="import-dropzone-inner">
            <div className="import-dropzone-icon">⇩</div>
            <div className="import-dropzone-title">{t('import.dropHere')}</div>
            <div className="import-dropzone-hint">{t('import.dropHint')}</div>
          </div>
        </div>
      )}
      {open && <ImportDialog />}
    </>
  );
}

function ImportDialog() {
  const { t, i18n } = useTranslation();
  const s = useImport();
  const progress = useApp((st) => (s.jobId ? st.progress[s.jobId] : undefined));
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const lang = i18n.language;
  const totalSize = s.pending.reduce((n, f) => n + f.file.size, 0);
  const size = (bytes: number): string =>
    bytes >= 1024 * 1024 ? t('import.mb', { n: formatNumber(bytes / 1024 / 1024, lang, 1) }) : t('import.kb', { n: formatNumber(Math.max(1, Math.ceil(bytes / 1024)), lang) });

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') s.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s]);

  const picked = (list: FileList | null): void => {
    if (!list) return;
    const files: PendingFile[] = Array.from(list).map((f) => ({ name: f.webkitRelativePath || f.name, file: f }));
    s.addFiles(files);
  };
  const results = s.results;
  const count = (st: ImportFileResult['status']): number => results?.filter((r) => r.status === st).length ?? 0;
  const importedIds = results?.flatMap((r) => (r.status === 'imported' ? r.documentIds : [])) ?? [];

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={() => s.close()}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-label={t('import.title')} data-testid="import-dialog" onMouseDown={(e) => e.stopPropagation()}>
        <h3>{t('import.title')}</h3>
        {!results && (
          <>
            <div className="import-pick">
              <button type="button" onClick={() => fileInput.current?.click()} disabled={s.running}>{t('import.chooseFiles')}</button>
              <button type="button" onClick={() => folderInput.current?.click()} disabled={s.running}>{t('import.chooseFolder')}</button>
              <input ref={fileInput} type="file" multiple hidden data-testid="import-file-input" onChange={(e) => picked(e.target.files)} />
              <input ref={folderInput} type="file" multiple hidden onChange={(e) => picked(e.target.files)} />
              <span className="import-formats">{t('import.formats')}</span>
            </div>
            <div className="import-pending" data-testid="import-pending">
              {s.pending.length === 0 ? (
                <p className="import-empty">{t('import.noFiles')}</p>
              ) : (
                <>
                  <div className="import-pending-head">{t('import.files', { count: s.pending.length, size: size(totalSize) })}</div>
                  <ul>
                    {s.pending.map((f) => (
                      <li key={f.name}>
                        <span className="import-file-name" title={f.name}>{f.name}</span>
                        <span className="import-file-size">{size(f.file.size)}</span>
                        <select
                          className="import-file-encoding"
                          value={f.encoding ?? ''}
                          aria-label={t('import.encodingOf', { name: f.name })}
                          title={t('import.encodingOf', { name: f.name })}
                          onChange={(e) => s.setFileEncoding(f.name, e.target.value)}
                        >
                          <option value="">{t('import.encodingSame')}</option>
                          {ENCODINGS.filter((k) => k !== 'auto').map((k) => (
                            <option key={k} value={k}>{t(`import.encodings.${k}`)}</option>
                          ))}
                        </select>
                        <button type="button" className="link" aria-label={t('import.remove', { name: f.name })} onClick={() => s.removeFile(f.name)}>
                          ×
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
            {s.pending
              .filter((f) => s.surveys[f.name])
              .map((f) => {
                const plan = s.surveys[f.name]!;
                return (
                  <div key={f.name} className="import-survey" data-testid="import-survey">
                    <div className="import-survey-head">
                      {plan.attributeSheet ? t('import.survey.sheet', { name: f.name }) : t('import.survey.title', { name: f.name, count: plan.rows })}
                    </div>
                    {!plan.attributeSheet && (
                      <div className="import-survey-columns">
                        {plan.header.map((h) => (
                          <label key={h} className="import-survey-column">
                            <span className="import-survey-name" title={h}>{h}</span>
                            <select value={plan.roles[h]} onChange={(e) => s.setColumnRole(f.name, h, e.target.value as ColumnRole)} aria-label={t('import.survey.roleOf', { column: h })}>
                              {(['id', 'attribute', 'text', 'ignore'] as const).map((r) => (
                                <option key={r} value={r}>{t(`import.survey.roles.${r}`)}</option>
                              ))}
                            </select>
                          </label>
                        ))}
                      </div>
                    )}
                    {!plan.attributeSheet && (
                      <label className="import-survey-question-row">
                        <input type="checkbox" checked={!!plan.questionRow} onChange={(e) => s.setQuestionRow(f.name, e.target.checked)} data-testid="import-survey-question-row" />
                        {t('import.survey.questionRow')}
                      </label>
                    )}
                  </div>
                );
              })}
            <div className="import-options">
              <label>
                {t('import.kind')}
                <select value={s.options.kind} onChange={(e) => s.setOptions({ kind: e.target.value as typeof s.options.kind })}>
                  {(['auto', 'interview', 'fieldnote', 'survey', 'other'] as const).map((k) => (
                    <option key={k} value={k}>{t(`import.kinds.${k}`)}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('import.encoding')}
                <select value={s.options.encoding} onChange={(e) => s.setOptions({ encoding: e.target.value })}>
                  {ENCODINGS.map((k) => (
                    <option key={k} value={k === 'auto' ? '' : k}>{t(`import.encodings.${k}`)}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('import.duplicates')}
                <select value={s.options.duplicates} onChange={(e) => s.setOptions({ duplicates: e.target.value as 'skip' | 'import' })}>
                  <option value="skip">{t('import.duplicatesSkip')}</option>
                  <option value="import">{t('import.duplicatesImport')}</option>
                </select>
              </label>
            </div>
          </>
        )}
        {(s.running || progress) && (
          <div className="import-progress" data-testid="import-progress">
            <span>{progress?.message ?? t('import.running')}</span>
            <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          </div>
        )}
        {results && results.length > 0 && (
          <div className="import-results" data-testid="import-results">
            <p className="import-summary">{t('import.summary', { imported: count('imported'), skipped: count('skipped'), failed: count('failed') })}</p>
            {s.cancelled && <p className="import-cancelled">{t('import.cancelled')}</p>}
            {!s.running && !s.cancelled && count('imported') === 0 && count('failed') === 0 && (
              <p className="import-nothing" data-testid="import-nothing">{t('import.nothing', { count: count('skipped') })}</p>
            )}
            <div className="import-table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('import.col.file')}</th>
                    <th>{t('import.col.status')}</th>
                    <th className="num">{t('import.col.turns')}</th>
                    <th className="num">{t('import.col.speakers')}</th>
                    <th className="num">{t('import.col.chars')}</th>
                    <th>{t('import.col.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r, i) => (
                    <tr key={`${r.file}-${i}`} className={`import-row ${r.status}`} data-testid="import-result">
                      <td className="import-file-name" title={r.file}>{r.file}</td>
                      <td>
                        <span className={`import-status ${r.status}`}>{t(`import.status.${r.status}`)}</span>
                      </td>
                      <td className="num">{r.status === 'imported' ? formatNumber(r.turns, lang) : ''}</td>
                      <td className="num">{r.status === 'imported' ? formatNumber(r.speakers, lang) : ''}</td>
                      <td className="num">{r.status === 'imported' ? formatNumber(r.chars, lang) : ''}</td>
                      <td className="import-message">
                        {r.documentIds.length > 1 ? `${t('import.documents', { count: r.documentIds.length })}. ` : ''}
                        {(lang === 'sv' ? r.noteSv : null) ?? r.note ?? ''}
                        {r.error ? ((lang === 'sv' ? r.errorSv : null) ?? stripFile(r.error, r.file)) : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <div className="dialog-buttons">
          {s.running ? (
            <button type="button" onClick={() => void s.cancel()} data-testid="import-cancel">{t('import.cancel')}</button>
          ) : (
            <button type="button" onClick={() => s.close()} data-testid="import-close">{t('import.close')}</button>
          )}
          {results && !s.running && importedIds.length > 0 && (
            <button
              type="button"
              className="danger"
              title={t('docManage.undoImportHint', { count: importedIds.length })}
              data-testid="undo-import"
              onClick={() => {
                s.close();
                void useApp.getState().undoImport(importedIds);
              }}
            >
              {t('docManage.undoImport')}
            </button>
          )}
          {!results && (
            <button type="button" className="primary" disabled={s.running || s.pending.length === 0} onClick={() => void s.start()} data-testid="import-start">
              {s.running ? t('import.running') : t('import.start')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** The file is in its own column; the message need not repeat it. */
function stripFile(message: string, file: string): string {
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}
