/**
 * Memos: an editor (title, body with paragraphs, *emphasis* and **strong**, author and dates)
 * used by the memo view and by the memo dialog that opens on a document, code or quotation.
 */
import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo } from '../../../shared/contract/memos';
import { MEMO_BODY_LIMIT } from '../../../shared/limits';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding, type MemoTarget } from '../store/coding-store';
import { formatDateTime } from '../util/dates';
import { formatNumber } from '../util/format';
import { Dialog } from './Dialog';

/** Light markup → React: blank lines separate paragraphs, **strong**, *emphasis*. */
export function renderMemoBody(body: string): ReactNode {
  return body
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p, i) => <p key={i}>{inline(p)}</p>);
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(<Fragment key={k++}>{text.slice(last, m.index)}</Fragment>);
    out.push(m[1] !== undefined ? <strong key={k++}>{m[1]}</strong> : <em key={k++}>{m[2]}</em>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(<Fragment key={k++}>{text.slice(last)}</Fragment>);
  return out;
}

export function targetParams(target: MemoTarget): { documentId?: number; codeId?: number; quotationId?: number } {
  if (target.kind === 'document') return { documentId: target.id };
  if (target.kind === 'code') return { codeId: target.id };
  if (target.kind === 'quotation') return { quotationId: target.id };
  return {};
}

/** The first words of a quotation, quoted, as a memo dialog names it ("Memos on ”Vi ringde varandra …”"). */
export function quotationExcerpt(text: string | undefined, words = 6): string | undefined {
  if (!text) return undefined;
  const all = text.trim().split(/\s+/);
  return `”${all.slice(0, words).join(' ')}${all.length > words ? ' …' : ''}”`;
}

/** Whether a memo body is over what a memo holds (said before saving, so nothing pasted is lost). */
export function memoTooLarge(body: string): boolean {
  return body.length > MEMO_BODY_LIMIT;
}

/** The editor for one memo (or a new one attached to `target`). */
export function MemoEditor({ memo, target, onSaved, suggestedTitle = '' }: { memo: Memo | null; target: MemoTarget; onSaved(m: Memo): void; suggestedTitle?: string }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(memo?.title ?? suggestedTitle);
  const [body, setBody] = useState(memo?.body ?? '');
  const tooLarge = memoTooLarge(body);
  // Starts from the memo as given; callers pass a key of the memo's id and modifiedAt, so
  // another memo, or this one saved, starts a fresh editor.
  const [preview, setPreview] = useState(false);
  const dirty = memo ? title !== memo.title || body !== memo.body : body !== '' || title.trim() !== '';

  const save = async (): Promise<void> => {
    if (!title.trim() || tooLarge) return;
    const saved = await useCoding.getState().run(() =>
      memo ? api.call('memos.update', { id: memo.id, title: title.trim(), body }) : api.call('memos.create', { title: title.trim(), body, ...targetParams(target) }),
    );
    if (saved) onSaved(saved);
  };
  const emphasise = (mark: string): void => {
    const el = document.getElementById('memo-body') as HTMLTextAreaElement | null;
    if (!el) return;
    const { selectionStart: a, selectionEnd: b } = el;
    setBody(body.slice(0, a) + mark + body.slice(a, b) + mark + body.slice(b));
  };

  return (
    <div className="memo-editor" data-testid="memo-editor">
      <input className="memo-title" placeholder={t('coding.memo.title')} aria-label={t('coding.memo.title')} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="memo-title" />
      {memo && (
        <div className="muted memo-meta">
          {t('coding.memo.meta', { author: memo.author ?? '–', created: formatDateTime(memo.createdAt, i18n.language), modified: formatDateTime(memo.modifiedAt, i18n.language) })}
        </div>
      )}
      <div className="memo-tools" role="toolbar" aria-label={t('coding.memo.format')}>
        <button type="button" className="small-button" onClick={() => emphasise('**')} title={t('coding.memo.strong')} aria-label={t('coding.memo.strong')}><strong>B</strong></button>
        <button type="button" className="small-button" onClick={() => emphasise('*')} title={t('coding.memo.emphasis')} aria-label={t('coding.memo.emphasis')}><em>I</em></button>
        <button type="button" className="small-button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>{t('coding.memo.preview')}</button>
        <span className="muted">{t('coding.memo.markupHint')}</span>
      </div>
      {preview ? (
        <div className="memo-preview">{renderMemoBody(body)}</div>
      ) : (
        <textarea
          id="memo-body"
          className="memo-body"
          aria-label={t('coding.memo.body')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); void save(); }
          }}
          data-testid="memo-body"
        />
      )}
      {tooLarge && (
        <p className="form-problem" role="alert" data-testid="memo-too-large">
          {t('coding.memo.tooLarge', { n: formatNumber(body.length, i18n.language), max: formatNumber(MEMO_BODY_LIMIT, i18n.language) })}
        </p>
      )}
      <div className="memo-buttons">
        <button type="button" className="small-button primary" disabled={!title.trim() || !dirty || tooLarge} onClick={() => void save()} data-testid="memo-save">
          {t('coding.memo.save')} <kbd>Ctrl+S</kbd>
        </button>
        {memo && (
          <button type="button" className="small-button danger" onClick={() => void useCoding.getState().run(() => api.call('memos.delete', { id: memo.id }))}>
            {t('coding.memo.delete')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The memos of one document, code or quotation (or the project), in a dialog. */
export function MemoDialog() {
  const { t } = useTranslation();
  const target = useCoding((s) => s.memoTarget);
  const openMemo = useCoding((s) => s.openMemo);
  const codes = useApp((s) => s.codes);
  const doc = useApp((s) => s.document);
  const quotations = useApp((s) => s.quotations);
  const [memos, setMemos] = useState<Memo[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  // state is set when the answer comes, never synchronously (this also runs from an effect)
  const reload = useCallback(async (): Promise<void> => {
    if (!target) return;
    return useCoding
      .getState()
      .run(() => api.call('memos.list', target.kind === 'project' ? { scope: 'project' } : targetParams(target)))
      .then((list) => setMemos(list ?? []));
  }, [target]);
  // Another target: no memo is open (adjusting state while rendering, as React advises, rather than in an effect).
  const [shownTarget, setShownTarget] = useState(target);
  if (shownTarget !== target) {
    setShownTarget(target);
    setCurrent(null);
  }
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!target) return null;
  const what =
    target.kind === 'code'
      ? (codes.find((c) => c.id === target.id)?.name ?? '')
      : target.kind === 'document'
        ? (doc?.id === target.id ? doc.name : '')
        : target.kind === 'quotation'
          ? quotationExcerpt(quotations.find((q) => q.id === target.id)?.text) ?? t('coding.memo.quotationN', { id: target.id })
          : '';
  const memo = memos.find((m) => m.id === current) ?? null;
  return (
    <Dialog title={t(`coding.memo.dialog.${target.kind}`, { name: what })} onClose={() => openMemo(null)} wide testId="memo-dialog">
      <div className="memo-dialog-body">
        <div className="memo-list" role="listbox" aria-label={t('coding.memo.list')}>
          <button type="button" className={`memo-item ${current === null ? 'active' : ''}`} onClick={() => setCurrent(null)} data-testid="memo-new">
            + {t('coding.memo.new')}
          </button>
          {memos.map((m) => (
            <button key={m.id} type="button" role="option" aria-selected={m.id === current} className={`memo-item ${m.id === current ? 'active' : ''}`} onClick={() => setCurrent(m.id)}>
              {m.title}
            </button>
          ))}
        </div>
        <MemoEditor
          key={`${memo?.id}-${memo?.modifiedAt}`}
          memo={memo}
          target={target}
          suggestedTitle={what ? t('coding.memo.about', { what }) : ''}
          onSaved={(m) => (setCurrent(m.id), void reload())}
        />
      </div>
    </Dialog>
  );
}
