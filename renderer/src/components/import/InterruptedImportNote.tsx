/**
 * The note an import leaves when it was cut off (the window closed or the app died mid-import):
 * shown once when the project opens, with the files that went in and those that did not, so
 * the user knows what to import again. Closing it forgets the note (import.dismissInterrupted).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApp } from '../../store/app-store';
import { useImport } from '../../store/import-store';
import { formatDateTime } from '../../util/dates';
import { Dialog } from '../Dialog';

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** One list of the batch's files under its heading, each by its name (the full path on hover). */
function Files({ title, files, testId }: { title: string; files: string[]; testId: string }) {
  if (files.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul data-testid={testId}>
        {files.map((f) => (
          <li key={f} title={f}>
            {fileName(f)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function InterruptedImportNote() {
  const { t, i18n } = useTranslation();
  // the default outside the selector: a new [] from it each time (no project open) is a changed store to React, which renders again without end
  const batches = useApp((s) => s.info?.interruptedImports) ?? [];
  const [closing, setClosing] = useState(false);
  if (batches.length === 0 || closing) return null;

  const dismiss = async (then?: () => void): Promise<void> => {
    setClosing(true);
    try {
      await api.call('import.dismissInterrupted', { ids: batches.map((b) => b.id) });
      await useApp.getState().refresh();
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
    } finally {
      setClosing(false);
    }
    then?.();
  };

  return (
    <Dialog
      title={t('import.interrupted.title')}
      onClose={() => void dismiss()}
      onSubmit={() => void dismiss(() => useImport.getState().show())}
      submitLabel={t('import.interrupted.again')}
      testId="interrupted-import"
      wide
    >
      {batches.map((b) => {
        const total = b.imported.length + b.skipped.length + b.notImported.length;
        return (
          <section key={b.id} className="interrupted-batch">
            <p>{t('import.interrupted.intro', { when: formatDateTime(b.started, i18n.language), count: total, imported: b.imported.length })}</p>
            <Files title={t('import.interrupted.notImported', { count: b.notImported.length })} files={b.notImported} testId="interrupted-not-imported" />
            <Files title={t('import.interrupted.imported', { count: b.imported.length })} files={b.imported} testId="interrupted-imported" />
            {b.skipped.length > 0 && <p className="muted">{t('import.interrupted.skipped', { count: b.skipped.length })}</p>}
          </section>
        );
      })}
      <p className="muted">{t('import.interrupted.hint')}</p>
    </Dialog>
  );
}
