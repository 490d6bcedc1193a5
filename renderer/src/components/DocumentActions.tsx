/**
 * Managing documents from the document list: paste text as a new document, rename, delete
 * (the confirmation says how many quotations and memos go; one Ctrl+Z brings all back), and
 * correcting a passage of the open document's text.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, DocumentSummary } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { MOD } from './CodingShell';
import { Dialog } from './Dialog';

export type DocumentDialog = { kind: 'paste' } | { kind: 'rename'; doc: DocumentSummary } | { kind: 'delete'; doc: DocumentSummary };

const run = <T,>(fn: () => Promise<T>) => useCoding.getState().run(fn);

export function DocumentToolbar({ selected, onOpen }: { selected: DocumentSummary | null; onOpen(d: DocumentDialog): void }) {
  const { t } = useTranslation();
  return (
    <div className="doc-toolbar" role="toolbar" aria-label={t('docManage.toolbar')}>
      <button type="button" className="small-button" onClick={() => onOpen({ kind: 'paste' })} data-testid="paste-document" title={t('docManage.pasteHint')} aria-label={t('docManage.pasteHint')}>
        {t('docManage.paste')}
      </button>
      <button type="button" className="small-button" disabled={!selected} onClick={() => selected && onOpen({ kind: 'rename', doc: selected })} data-testid="rename-document" title={`${t('docManage.rename')} (F2)`}>
        {t('docManage.rename')}
      </button>
      <button type="button" className="small-button danger" disabled={!selected} onClick={() => selected && onOpen({ kind: 'delete', doc: selected })} data-testid="delete-document" title={`${t('docManage.delete')} (Del)`}>
        {t('docManage.delete')}
      </button>
    </div>
  );
}

export function DocumentDialogs({ dialog, onClose }: { dialog: DocumentDialog; onClose(): void }) {
  switch (dialog.kind) {
    case 'paste':
      return <PasteDialog onClose={onClose} />;
    case 'rename':
      return <RenameDialog doc={dialog.doc} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog doc={dialog.doc} onClose={onClose} />;
  }
}

function PasteDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DocumentKind | 'auto'>('auto');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog
      title={t('docManage.pasteTitle')}
      onClose={onClose}
      wide
      testId="paste-dialog"
      submitLabel={t('docManage.pasteAction')}
      onSubmit={() => {
        if (!name.trim()) return setProblem(t('docManage.needName'));
        if (!text.trim()) return setProblem(t('docManage.needText'));
        onClose();
        void run(async () => {
          const made = await api.call('documents.create', { name: name.trim(), text, ...(kind === 'auto' ? {} : { kind }) });
          await useApp.getState().refresh();
          await useApp.getState().selectDocument(made.id);
        });
      }}
    >
      <label>
        {t('docManage.name')}
        <input data-autofocus value={name} onChange={(e) => (setName(e.target.value), setProblem(null))} data-testid="paste-name" placeholder={t('docManage.namePlaceholder')} />
      </label>
      <label>
        {t('docManage.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | 'auto')}>
          <option value="auto">{t('docManage.kindAuto')}</option>
          {(['interview', 'fieldnote', 'other'] as const).map((k) => (
            <option key={k} value={k}>{t(`documents.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('docManage.text')}
        <textarea rows={12} value={text} onChange={(e) => (setText(e.target.value), setProblem(null))} data-testid="paste-text" placeholder={t('docManage.textPlaceholder')} />
      </label>
      {problem && <p className="form-problem" role="alert">{problem}</p>}
    </Dialog>
  );
}

function RenameDialog({ doc, onClose }: { doc: DocumentSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(doc.name);
  return (
    <Dialog
      title={t('docManage.renameTitle', { name: doc.name })}
      onClose={onClose}
      testId="rename-dialog"
      submitLabel={t('docManage.renameAction')}
      onSubmit={() => {
        if (!name.trim() || name.trim() === doc.name) return onClose();
        onClose();
        void run(() => api.call('documents.rename', { id: doc.id, name: name.trim() }));
      }}
    >
      <label>
        {t('docManage.name')}
        <input data-autofocus value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()} data-testid="rename-input" />
      </label>
    </Dialog>
  );
}

function DeleteDialog({ doc, onClose }: { doc: DocumentSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ quotations: number; memos: number } | null>(null);
  useEffect(() => {
    void api.call('documents.deleteCounts', { ids: [doc.id] }).then(setCounts, () => setCounts({ quotations: doc.quotations, memos: 0 }));
  }, [doc]);
  return (
    <Dialog
      title={t('docManage.deleteTitle', { name: doc.name })}
      onClose={onClose}
      danger
      testId="delete-document-dialog"
      submitLabel={t('docManage.deleteAction')}
      onSubmit={() => {
        onClose();
        void run(() => api.call('documents.delete', { ids: [doc.id] }));
      }}
    >
      <p data-testid="delete-document-counts">
        {counts === null
          ? '…'
          : counts.quotations === 0 && counts.memos === 0
            ? t('docManage.deleteNothing')
            : t('docManage.deleteWhat', { quotations: t('docManage.quotations', { count: counts.quotations }), memos: t('docManage.memos', { count: counts.memos }) })}
      </p>
      <p className="muted">{t('docManage.deleteUndo', { mod: MOD })}</p>
    </Dialog>
  );
}

/**
 * The smallest edit that turns `old` into `next`: common start and end kept, so correcting one
 * word in a turn flags only the quotations that hold that word. Never splits an emoji's halves.
 */
export function smallestEdit(old: string, next: string): { at: number; deleteCount: number; insert: string } {
  let pre = 0;
  const max = Math.min(old.length, next.length);
  while (pre < max && old.charCodeAt(pre) === next.charCodeAt(pre)) pre++;
  if (pre > 0 && pre < old.length && isLow(old.charCodeAt(pre))) pre--;
  let suf = 0;
  while (suf < max - pre && old.charCodeAt(old.length - 1 - suf) === next.charCodeAt(next.length - 1 - suf)) suf++;
  if (suf > 0 && suf < old.length - pre && isLow(old.charCodeAt(old.length - suf))) suf--;
  return { at: pre, deleteCount: old.length - pre - suf, insert: next.slice(pre, next.length - suf) };
}
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Correcting a passage of the open document: the passage in a text field, saved as the smallest edit. */
export function CorrectTextDialog({ documentId, start, end, onClose }: { documentId: number; start: number; end: number; onClose(): void }) {
  const { t } = useTranslation();
  const doc = useApp((s) => s.document);
  const original = doc && doc.id === documentId ? doc.text.slice(start, end) : '';
  const [text, setText] = useState(original);
  return (
    <Dialog
      title={t('docManage.correctTitle')}
      onClose={onClose}
      wide
      testId="correct-dialog"
      submitLabel={t('docManage.correctAction')}
      onSubmit={() => {
        onClose();
        if (text === original) return;
        const e = smallestEdit(original, text);
        void run(async () => {
          const r = await api.call('documents.editText', { id: documentId, at: start + e.at, deleteCount: e.deleteCount, insert: e.insert });
          const said = [
            ...(r.flagged.length ? [t('docManage.correctFlagged', { count: r.flagged.length })] : []),
            ...(r.removed.length ? [t('docManage.correctRemoved', { count: r.removed.length })] : []),
          ];
          if (said.length) useApp.getState().setNotice(said.join(' '));
        });
      }}
    >
      <p className="muted">{t('docManage.correctHelp')}</p>
      <textarea data-autofocus rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="correct-text" />
    </Dialog>
  );
}
