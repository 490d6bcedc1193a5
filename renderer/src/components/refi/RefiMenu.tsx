/**
 * Exchange with other QDA tools: "Importera projekt (REFI-QDA) …" reads a .qdpx (or .qde,
 * or a renamed .zip) into a new project and shows the import report; "Exportera som REFI-QDA …"
 * writes the open project (the desktop's save dialog, or a download in browser mode).
 * Progress and cancel show in the status bar like every job.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefiImportReport } from '../../../../shared/contract/refi';
import { api } from '../../api/client';
import { useApp } from '../../store/app-store';
import { Dialog } from '../Dialog';

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

  const c = report?.counts;
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy !== null} data-testid="refi-import-button" title={busy ?? undefined}>
        {t('refi.importButton')}
      </button>
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
      {info && (
        <button type="button" onClick={() => void exportProject()} data-testid="refi-export-button">
          {t('refi.exportButton')}
        </button>
      )}
      {report && c && (
        <Dialog title={t('refi.reportTitle', { origin: report.origin ?? t('refi.unknownTool') })} onClose={() => setReport(null)} testId="refi-report" wide>
          <p data-testid="refi-counts">{t('refi.counts', { ...c })}</p>
          {report.merged > 0 && <p>{t('refi.merged', { count: report.merged })}</p>}
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
                    <strong>{u.source}</strong> {u.start}–{u.end}: {i18n.language === 'sv' ? u.reasonSv : u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Dialog>
      )}
    </>
  );
}
