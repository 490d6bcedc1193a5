/** The code tree's dialogs: new code, definition and notes, merge, split, delete. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Quotation } from '../../../shared/contract';
import type { CodeNode } from '../../../shared/contract/coding';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { Dialog } from './Dialog';
import { rankCodes } from './QuickCode';

export type CodeDialog =
  | { kind: 'create'; parent: Code | null }
  | { kind: 'define'; code: CodeNode }
  | { kind: 'merge'; code: Code; target: Code | null }
  | { kind: 'split'; code: Code }
  | { kind: 'delete'; code: Code };

export function CodeDialogs({ dialog, onClose }: { dialog: CodeDialog; onClose(): void }) {
  switch (dialog.kind) {
    case 'create':
      return <CreateDialog parent={dialog.parent} onClose={onClose} />;
    case 'define':
      return <DefineDialog code={dialog.code} onClose={onClose} />;
    case 'merge':
      return <MergeDialog code={dialog.code} initialTarget={dialog.target} onClose={onClose} />;
    case 'split':
      return <SplitDialog code={dialog.code} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog code={dialog.code} onClose={onClose} />;
  }
}

const run = <T,>(fn: () => Promise<T>) => useCoding.getState().run(fn);

function CreateDialog({ parent, onClose }: { parent: Code | null; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [definition, setDefinition] = useState('');
  const [color, setColor] = useState(parent?.color ?? '#2471a3');
  return (
    <Dialog
      title={parent ? t('coding.dialog.newSubOf', { name: parent.name }) : t('coding.dialog.newCode')}
      onClose={onClose}
      testId="create-code-dialog"
      submitLabel={t('menu.createAction')}
      onSubmit={() => {
        if (!name.trim()) return;
        onClose();
        void run(() => api.call('codes.create', { name: name.trim(), parentId: parent?.id ?? null, color, definition: definition.trim() || null }));
      }}
    >
      <label>
        {t('coding.dialog.name')}
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="code-name-input" />
      </label>
      <label>
        {t('coding.dialog.definition')}
        <textarea rows={3} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </label>
      <label className="inline">
        {t('coding.tree.color')}
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
    </Dialog>
  );
}

function DefineDialog({ code, onClose }: { code: CodeNode; onClose(): void }) {
  const { t } = useTranslation();
  const [definition, setDefinition] = useState(code.definition ?? '');
  const [inclusion, setInclusion] = useState(code.inclusion ?? '');
  const [exclusion, setExclusion] = useState(code.exclusion ?? '');
  const [color, setColor] = useState(code.color);
  const nul = (s: string): string | null => (s.trim() ? s.trim() : null);
  return (
    <Dialog
      title={t('coding.dialog.defineTitle', { name: code.name })}
      onClose={onClose}
      wide
      onSubmit={() => {
        onClose();
        void run(() => api.call('codes.update', { id: code.id, definition: nul(definition), inclusion: nul(inclusion), exclusion: nul(exclusion), color }));
      }}
    >
      <label>
        {t('coding.dialog.definition')}
        <textarea autoFocus rows={4} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </label>
      <label>
        {t('coding.tree.inclusion')}
        <textarea rows={2} value={inclusion} onChange={(e) => setInclusion(e.target.value)} />
      </label>
      <label>
        {t('coding.tree.exclusion')}
        <textarea rows={2} value={exclusion} onChange={(e) => setExclusion(e.target.value)} />
      </label>
      <label className="inline">
        {t('coding.tree.color')}
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
    </Dialog>
  );
}

function MergeDialog({ code, initialTarget, onClose }: { code: Code; initialTarget: Code | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Code | null>(initialTarget);
  // A code cannot merge into itself or into one of its own sub-codes.
  const forbidden = useMemo(() => {
    const out = new Set<number>([code.id]);
    for (const c of codes) for (let p = c.parentId; p !== null; p = codes.find((x) => x.id === p)?.parentId ?? null) if (p === code.id) out.add(c.id);
    return out;
  }, [codes, code.id]);
  const options = rankCodes(codes, query, [], i18n.language).filter((c) => !forbidden.has(c.id)).slice(0, 40);
  return (
    <Dialog
      title={t('coding.dialog.mergeTitle', { name: code.name })}
      onClose={onClose}
      testId="merge-dialog"
      submitLabel={t('coding.tree.merge')}
      onSubmit={() => {
        if (!target) return;
        onClose();
        void run(() => api.call('codes.merge', { sourceIds: [code.id], targetId: target.id }));
      }}
    >
      <p className="muted">{t('coding.dialog.mergeHelp', { name: code.name, q: code.quotations })}</p>
      <label>
        {t('coding.dialog.mergeInto')}
        <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('coding.quick.placeholder')} data-testid="merge-filter" />
      </label>
      <ul className="quick-list" role="listbox" aria-label={t('coding.dialog.mergeInto')}>
        {options.map((c) => (
          <li key={c.id} role="option" aria-selected={target?.id === c.id} className={target?.id === c.id ? 'active' : ''} onClick={() => setTarget(c)} data-testid="merge-option">
            <span className="swatch" style={{ background: c.color }} aria-hidden />
            <span className="qc-name">{c.name}</span>
            <span className="qc-path">{c.path.includes('/') ? c.path.slice(0, c.path.lastIndexOf('/')) : ''}</span>
          </li>
        ))}
      </ul>
      {target && <p>{t('coding.dialog.mergeConfirm', { from: code.name, to: target.path })}</p>}
    </Dialog>
  );
}

function SplitDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState(`${code.name} 1\n${code.name} 2`);
  const [quotes, setQuotes] = useState<Quotation[]>([]);
  const [assign, setAssign] = useState<Record<number, number>>({});
  useEffect(() => {
    void run(async () => setQuotes(await api.call('quotations.list', { codeId: code.id, includeSubcodes: false })));
  }, [code.id]);
  const parts = names.split('\n').map((s) => s.trim()).filter(Boolean);
  return (
    <Dialog
      title={t('coding.dialog.splitTitle', { name: code.name })}
      onClose={onClose}
      wide
      testId="split-dialog"
      submitLabel={t('coding.tree.split')}
      onSubmit={() => {
        if (parts.length === 0) return;
        onClose();
        void run(() =>
          api.call('codes.split', {
            id: code.id,
            parts: parts.map((name, i) => ({ name, quotationIds: quotes.filter((q) => assign[q.id] === i).map((q) => q.id) })),
          }),
        );
      }}
    >
      <label>
        {t('coding.dialog.splitParts')}
        <textarea autoFocus rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
      </label>
      <div className="split-list">
        {quotes.map((q) => (
          <label key={q.id} className="split-row">
            <select value={assign[q.id] ?? -1} onChange={(e) => setAssign((a) => ({ ...a, [q.id]: Number(e.target.value) }))}>
              <option value={-1}>{t('coding.dialog.splitStay', { name: code.name })}</option>
              {parts.map((p, i) => (
                <option key={i} value={i}>{p}</option>
              ))}
            </select>
            <span className="split-text">{q.documentName}: {q.text}</span>
          </label>
        ))}
        {quotes.length === 0 && <p className="muted">{t('coding.panel.none')}</p>}
      </div>
    </Dialog>
  );
}

function DeleteDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const { t } = useTranslation();
  const codes = useApp((s) => s.codes);
  const subs = codes.filter((c) => c.path.startsWith(`${code.path}/`)).length;
  return (
    <Dialog
      title={t('coding.dialog.deleteTitle', { name: code.name })}
      onClose={onClose}
      danger
      testId="delete-dialog"
      submitLabel={t('coding.tree.delete')}
      onSubmit={() => {
        onClose();
        void run(() => api.call('codes.delete', { id: code.id }));
      }}
    >
      <p>{t('coding.dialog.deleteHelp', { subs, q: code.quotationsDeep })}</p>
    </Dialog>
  );
}
