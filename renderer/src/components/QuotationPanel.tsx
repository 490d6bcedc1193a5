/**
 * Under the document: its quotations (click to select and scroll to one) and the selected
 * quotation's details — codes (remove one with ×, add with Q), comment, boundaries (extend or
 * shrink by a word, or set to the current text selection), memo, delete.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quotation } from '../../../shared/contract';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { VirtualList } from './VirtualList';

export function QuotationPanel() {
  const { t } = useTranslation();
  const doc = useApp((s) => s.document);
  const quotations = useApp((s) => s.quotations);
  const codes = useApp((s) => s.codes);
  const selectedId = useCoding((s) => s.selectedQuotationId);
  const jumpTo = useCoding((s) => s.jumpTo);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const list = useMemo(() => (doc ? quotations.filter((q) => q.documentId === doc.id) : []), [doc, quotations]);
  const selected = list.find((q) => q.id === selectedId) ?? null;

  return (
    <section className="panel quotations-panel" aria-labelledby="quotes-title">
      <div className="quotation-split">
        <div className="quotation-list-pane">
          <header className="panel-header">
            <h2 id="quotes-title">{t('quotations.title')}</h2>
            <span className="muted">{list.length}</span>
          </header>
          {list.length === 0 ? (
            <p className="empty">{t('coding.panel.none')}</p>
          ) : (
            <VirtualList
              items={list}
              ariaLabel={t('quotations.title')}
              estimateSize={() => 48}
              getKey={(q) => q.id}
              render={(q) => (
                <button
                  type="button"
                  className={`quote-row ${q.id === selectedId ? 'selected' : ''}`}
                  aria-current={q.id === selectedId}
                  onClick={() => void jumpTo({ documentId: q.documentId, start: q.start, end: q.end }, q.id)}
                  data-testid="quotation-row"
                >
                  <span className="quote-marks">
                    {q.needsReview && <span className="badge review" title={t('docManage.reviewHint')} data-testid="review-badge">{t('docManage.review')}</span>}
                    {q.comment && <span className="q-mark comment" title={`${t('coding.panel.comment')}: ${q.comment}`} data-testid="list-mark-comment">✎</span>}
                    {q.memos > 0 && <span className="q-mark memo" title={t('coding.marks.memos', { count: q.memos })} data-testid="list-mark-memo">M{q.memos > 1 ? q.memos : ''}</span>}
                  </span>
                  <span className="quote-text">{q.text}</span>
                  <span className="quote-codes">
                    {q.codeIds.map((id) => {
                      const c = byId.get(id);
                      return c ? <span key={id} className="chip" style={{ borderColor: c.color }}>{c.name}</span> : null;
                    })}
                  </span>
                </button>
              )}
            />
          )}
        </div>
        <div className="quotation-detail-pane" aria-live="polite">
          {selected ? <QuotationDetails q={selected} /> : <p className="empty">{t('coding.panel.select')}</p>}
        </div>
      </div>
    </section>
  );
}

function QuotationDetails({ q }: { q: Quotation }) {
  const { t } = useTranslation();
  const codes = useApp((s) => s.codes);
  const doc = useApp((s) => s.document);
  const pending = useCoding((s) => s.pending);
  const { removeCode, deleteQuotation, updateQuotation, openQuickCode, openMemo, setPending } = useCoding.getState();
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const [comment, setComment] = useState(q.comment ?? '');
  // Another quotation, or its comment saved: the field shows the stored comment again.
  const [shown, setShown] = useState({ id: q.id, comment: q.comment });
  if (shown.id !== q.id || shown.comment !== q.comment) {
    setShown({ id: q.id, comment: q.comment });
    setComment(q.comment ?? '');
  }

  const resize = (edge: 'start' | 'end', dir: -1 | 1): void => {
    if (!doc) return;
    const text = doc.text;
    // Move the edge by one word; the core snaps the result to word boundaries.
    let pos = edge === 'start' ? q.start : q.end;
    const step = (i: number): number => Math.max(0, Math.min(text.length, i));
    if (dir < 0) {
      pos = step(pos - 1);
      while (pos > 0 && /\s/.test(text[pos - 1]!)) pos--;
      while (pos > 0 && !/\s/.test(text[pos - 1]!)) pos--;
    } else {
      while (pos < text.length && /\s/.test(text[pos]!)) pos++;
      while (pos < text.length && !/\s/.test(text[pos]!)) pos++;
    }
    const start = edge === 'start' ? pos : q.start;
    const end = edge === 'end' ? pos : q.end;
    if (end > start) void updateQuotation(q.id, { start, end });
  };

  return (
    <div className="quotation-details" data-testid="quotation-details">
      <div className="qd-head">
        <strong>{t('coding.panel.quotation', { start: q.start, end: q.end })}</strong>
        <span className="muted">{[q.coder, q.createdAt.slice(0, 10)].filter(Boolean).join(' · ')}</span>
      </div>
      {q.needsReview && (
        <div className="qd-review" role="note">
          <span className="badge review">{t('docManage.review')}</span>
          <span className="muted">{t('docManage.reviewHint')}</span>
          <button type="button" className="small-button" onClick={() => void updateQuotation(q.id, { reviewed: true })} data-testid="mark-reviewed">
            {t('docManage.reviewed')}
          </button>
        </div>
      )}
      <div className="qd-codes" aria-label={t('quotations.codes')}>
        {q.codeIds.map((id) => {
          const c = byId.get(id);
          return (
            <span key={id} className="code-chip" style={{ borderColor: c?.color }} data-testid="quotation-code">
              <span className="swatch" style={{ background: c?.color }} aria-hidden />
              <span title={c?.path}>{c?.name ?? id}</span>
              <button type="button" className="chip-x" aria-label={t('coding.panel.removeCode', { name: c?.name ?? id })} title={t('coding.panel.removeCode', { name: c?.name ?? id })} onClick={() => void removeCode(q.id, id)}>
                ×
              </button>
            </span>
          );
        })}
        <button type="button" className="small-button" onClick={() => openQuickCode({ kind: 'quotation', id: q.id })}>
          {t('coding.panel.addCode')} <kbd>Q</kbd>
        </button>
      </div>
      <label className="qd-comment">
        <span className="muted">{t('coding.panel.comment')}</span>
        <textarea
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => comment !== (q.comment ?? '') && void updateQuotation(q.id, { comment: comment.trim() ? comment : null })}
          data-testid="quotation-comment"
        />
      </label>
      <div className="qd-actions" role="group" aria-label={t('coding.panel.bounds')}>
        <span className="muted">{t('coding.panel.start')}</span>
        <button type="button" className="small-button" onClick={() => resize('start', -1)} title={t('coding.panel.startEarlier')} aria-label={t('coding.panel.startEarlier')}>⇤</button>
        <button type="button" className="small-button" onClick={() => resize('start', 1)} title={t('coding.panel.startLater')} aria-label={t('coding.panel.startLater')}>⇥</button>
        <span className="muted">{t('coding.panel.end')}</span>
        <button type="button" className="small-button" onClick={() => resize('end', -1)} title={t('coding.panel.endEarlier')} aria-label={t('coding.panel.endEarlier')}>⇤</button>
        <button type="button" className="small-button" onClick={() => resize('end', 1)} title={t('coding.panel.endLater')} aria-label={t('coding.panel.endLater')}>⇥</button>
        <button
          type="button"
          className="small-button"
          disabled={!pending || pending.documentId !== q.documentId}
          onClick={() => pending && (void updateQuotation(q.id, { start: pending.start, end: pending.end }), setPending(null))}
        >
          {t('coding.panel.toSelection')}
        </button>
        <span className="spacer" />
        <button type="button" className="small-button" onClick={() => openMemo({ kind: 'quotation', id: q.id })}>{t('coding.panel.memo')}</button>
        <button type="button" className="small-button danger" onClick={() => void deleteQuotation(q.id)} data-testid="delete-quotation">
          {t('coding.panel.delete')} <kbd>Del</kbd>
        </button>
      </div>
    </div>
  );
}
