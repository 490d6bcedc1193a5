/**
 * Exchange with other QDA tools, started from the File menu (FileMenu.tsx) or a drop:
 * "Importera projekt (REFI-QDA) …" reads a .qdpx (or .qde,
 * or a renamed .zip) into a new project and shows the import report; "Exportera som REFI-QDA …"
 * writes the open project (the desktop's save dialog, or a download in browser mode).
 * Progress and cancel show in the status bar like every job.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { QdcImportResult, RefiImportReport } from '../../../../shared/contract/refi';
import { wording } from '../../../../shared/wording';
import { api } from '../../api/client';
import { useApp } from '../../store/app-store';
import { Dialog } from '../Dialog';
import { REFI_ACTION_EVENT, REFI_DROP_EVENT, type RefiAction } from './refi-drop';
import { refiCountsLine } from './counts-line';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function download(name: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report's sources by how their positions were counted, in the order first met. */
function positionGroups(report: RefiImportReport): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const p of report.positions) groups.set(p.unit, [...(groups.get(p.unit) ?? []), p.source]);
  return [...groups];
}

export function RefiMenu() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const setError = useApp((s) => s.setError);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [report, setReport] = useState<RefiImportReport | null>(null);

  const importFile = async (file: File): Promise<void> => {
    const base = file.name.replace(/\.[^.]+$/, '') || 'projekt';
    const picked = await api.call('host.pickFile', { purpose: 'newProject', extensions: ['rodtrad'], defaultName: `${base}.rodtrad` });
    // browser mode: the new project goes into the browse root, named after the file
    const target = picked.supported ? picked.paths[0] : `${base}.rodtrad`;
    if (!target) return;
    setBusy(t('refi.importing', { name: file.name }));
    try {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      const r = await api.call('refi.importProject', { source: { name: file.name, data }, target, jobId: `refi-${Date.now()}` });
      setReport(r);
      await useApp.getState().projectChanged();
    } catch (e) {
      // the core's message, in Swedish when the UI is (ApiError picks it)
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const exportProject = async (): Promise<void> => {
    const defaultName = `${info?.name ?? 'projekt'}.qdpx`;
    const picked = await api.call('host.pickFile', { purpose: 'export', extensions: ['qdpx'], defaultName });
    if (picked.supported && !picked.paths[0]) return;
    try {
      const r = await api.call('refi.exportProject', picked.supported ? { path: picked.paths[0] } : {});
      if (r.data) download(r.fileName, r.data);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // a codebook waiting for the user's choice on its conflicts
  const [book, setBook] = useState<{ name: string; content: string; preview: QdcImportResult } | null>(null);

  const importCodebook = async (file: File): Promise<void> => {
    try {
      const content = await file.text();
      const preview = await api.call('refi.importCodebook', { source: { name: file.name, content }, dryRun: true });
      if (preview.conflicts.length === 0) await api.call('refi.importCodebook', { source: { name: file.name, content } });
      else setBook({ name: file.name, content, preview });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const resolve = async (onConflict: 'ours' | 'theirs' | 'both'): Promise<void> => {
    if (!book) return;
    setBook(null);
    try {
      await api.call('refi.importCodebook', { source: { name: book.name, content: book.content }, onConflict });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const importRef = useRef(importFile);
  const codebookRef = useRef(importCodebook);
  const exportRef = useRef(exportProject);
  useEffect(() => {
    importRef.current = importFile;
    codebookRef.current = importCodebook;
    exportRef.current = exportProject;
  });
  useEffect(() => {
    const onAction = (e: Event): void => {
      const action = (e as CustomEvent<RefiAction>).detail;
      if (action === 'import') input.current?.click();
      else void exportRef.current();
    };
    window.addEventListener(REFI_ACTION_EVENT, onAction);
    return () => window.removeEventListener(REFI_ACTION_EVENT, onAction);
  }, []);
  useEffect(() => {
    const onDrop = (e: Event): void => {
      const file = (e as CustomEvent<File>).detail;
      void (/\.qdc$/i.test(file.name) ? codebookRef.current(file) : importRef.current(file));
    };
    window.addEventListener(REFI_DROP_EVENT, onDrop);
    return () => window.removeEventListener(REFI_DROP_EVENT, onDrop);
  }, []);

  const c = report?.counts;
  return (
    <>
      {busy && (
        <span className="refi-busy" role="status">
          {busy}
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept=".qdpx,.qde,.zip"
        hidden
        data-testid="refi-import-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
      {/* the dialogs go to the body: inside the top bar they would take its dark-bar button style */}
      {book &&
        createPortal(
        <Dialog title={t('refi.conflictsTitle', { name: book.name })} onClose={() => setBook(null)} testId="refi-conflicts" wide>
          <p>{t('refi.conflictsIntro', { count: book.preview.conflicts.length, added: book.preview.added })}</p>
          <ul>
            {book.preview.conflicts.map((x, i) => (
              <li key={i}>{x.kind === 'moved' ? t('refi.moved', { ours: x.path, theirs: x.theirPath }) : t('refi.samePath', { path: x.path })}</li>
            ))}
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={() => void resolve('ours')} data-testid="refi-ours">{t('refi.ours')}</button>
            <button type="button" onClick={() => void resolve('theirs')} data-testid="refi-theirs">{t('refi.theirs')}</button>
            <button type="button" onClick={() => void resolve('both')} data-testid="refi-both">{t('refi.both')}</button>
          </div>
        </Dialog>,
          document.body,
        )}
      {report &&
        c &&
        createPortal(
        <Dialog title={t('refi.reportTitle', { origin: report.origin ?? t('refi.unknownTool') })} onClose={() => setReport(null)} testId="refi-report" wide>
          <p data-testid="refi-counts">{refiCountsLine(c, t)}</p>
          {report.merged > 0 && <p>{t('refi.merged', { count: report.merged })}</p>}
          {report.positions.length > 0 && (
            <ul data-testid="refi-positions">
              {positionGroups(report).map(([unit, sources]) => (
                <li key={unit}>{wording(i18n.language === 'sv' ? 'sv' : 'en').refiPositions(unit, sources)}</li>
              ))}
            </ul>
          )}
          {report.skipped.length > 0 && (
            <>
              <h3>{t('refi.skipped', { count: report.skipped.length })}</h3>
              <ul data-testid="refi-skipped">
                {report.skipped.map((s, i) => (
                  <li key={i}>
                    <strong>{s.name}</strong>: {i18n.language === 'sv' ? s.reasonSv : s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.unplaced.length > 0 && (
            <>
              <h3>{t('refi.unplaced', { count: report.unplaced.length })}</h3>
              <ul data-testid="refi-unplaced">
                {report.unplaced.map((u, i) => (
                  <li key={i}>
                    <strong>{u.source}</strong> {u.start}–{u.end}{u.name ? ` (${u.name})` : ''}: {i18n.language === 'sv' ? u.reasonSv : u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Dialog>,
          document.body,
        )}
    </>
  );
}
