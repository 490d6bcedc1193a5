/**
 * One block of the document view (a speaker turn or a paragraph) with its slice of the coding
 * margin. The text is cut into segments at quotation boundaries; each segment is a span with
 * data-start (its offset in the stored text) and data-quotes (the quotations covering it).
 * The margin bars are placed by measuring the text with a DOM Range after layout, so a bar
 * spans exactly the lines its quotation covers; a quotation running on into the next block
 * runs to the block's edge, where the next block's bar continues in the same lane.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Quotation, Speaker } from '../../../shared/contract';
import { segments, stackLabels } from '../coding/margin';
import { rangeFor } from '../coding/selection';
import { formatTimestamp } from '../util/format';
import type { Block } from './DocumentView';

export type LanedQuotation = Quotation & { lane: number };

export const LANE_WIDTH = 9;
const LABEL_LINE = 17;

interface Props {
  block: Block;
  text: string;
  language: string | null;
  speaker: (Speaker & { color: string }) | undefined;
  quotations: LanedQuotation[];
  codesById: Map<number, Code>;
  selectedId: number | null;
  pending: { start: number; end: number } | null;
  marginWidth: number;
  current: boolean;
  /** The recording is at this turn. */
  playing: boolean;
  /** Plays the recording from a time; null when the document has no playable recording. */
  onSeek: ((seconds: number) => void) | null;
  onSelectQuotation(id: number): void;
  onCodeTurn(turnId: number): void;
}

interface Placed {
  top: number;
  bottom: number;
}

function DocBlockImpl({ block: b, text, language, speaker: sp, quotations, codesById, selectedId, pending, marginWidth, current, playing, onSeek, onSelectQuotation, onCodeTurn }: Props) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Map<number, Placed>>(new Map());
  const [width, setWidth] = useState(0);

  const blockText = text.slice(b.start, b.end);
  const labelLen = useMemo(() => {
    if (!sp) return 0;
    const m = new RegExp(`^[^\\n]*?${escapeRe(sp.label)}[^:\\n]*:\\s*`).exec(blockText);
    return m && m.index === 0 ? m[0].length : 0;
  }, [blockText, sp]);
  const bodyStart = b.start + labelLen;
  const segs = useMemo(() => {
    const cuts = pending ? [pending.start, pending.end] : [];
    return segments(bodyStart, b.end, quotations, cuts);
  }, [bodyStart, b.end, quotations, pending]);

  const measuredWidth = useRef(-1);
  // Re-measure when the text reflows (panel resized); the first observation is the width already measured.
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]!.contentRect.width);
      if (w !== measuredWidth.current) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = textRef.current;
    const margin = marginRef.current;
    if (!el || !margin) return;
    measuredWidth.current = Math.round(el.getBoundingClientRect().width);
    const origin = margin.getBoundingClientRect().top;
    const height = margin.getBoundingClientRect().height;
    const next = new Map<number, Placed>();
    for (const q of quotations) {
      const from = Math.max(q.start, b.start);
      const to = Math.min(q.end, b.end);
      const range = to > from ? rangeFor(el, from, to) : null;
      const rects = range ? [...range.getClientRects()].filter((r) => r.height > 0) : [];
      let top = rects.length ? rects[0]!.top - origin : 0;
      let bottom = rects.length ? rects[rects.length - 1]!.bottom - origin : height;
      if (q.start < b.start) top = 0;
      if (q.end > b.end) bottom = height;
      next.set(q.id, { top, bottom: Math.max(bottom, top + 6) });
    }
    setPlaced((old) => (sameLayout(old, next) ? old : next));
  }, [quotations, b.start, b.end, width, labelLen]);

  const starting = quotations.filter((q) => q.start >= b.start);
  const labelTops = stackLabels(starting.map((q) => ({ id: q.id, top: placed.get(q.id)?.top ?? 0, height: Math.max(1, q.codeIds.length) * LABEL_LINE + 3 })));
  const labelsBottom = Math.max(0, ...starting.map((q) => (labelTops.get(q.id) ?? 0) + Math.max(1, q.codeIds.length) * LABEL_LINE + 3));
  const byId = new Map(quotations.map((q) => [q.id, q]));
  const laneCount = Math.max(1, ...quotations.map((q) => q.lane + 1));

  return (
    <div
      className={`block ${sp ? 'turn' : 'paragraph'} ${sp?.isInterviewer ? 'interviewer' : ''} ${current ? 'current' : ''} ${playing ? 'playing' : ''}`}
      data-playing={playing ? '' : undefined}
      data-block=""
      data-start={b.start}
      data-end={b.end}
      data-testid={sp ? 'turn' : 'paragraph'}
      style={{ gridTemplateColumns: `100px minmax(0, 1fr) ${marginWidth}px` }}
    >
      <div className="gutter">
        {sp && (
          <span className="speaker" style={{ color: sp.color }} data-testid="turn-speaker">
            {sp.name ?? sp.label}
          </span>
        )}
        {b.timestamp !== null &&
          (onSeek ? (
            <button
              type="button"
              className="timestamp seek"
              title={t('media.seek', { time: formatTimestamp(b.timestamp) })}
              onClick={() => onSeek(b.timestamp!)}
              data-testid="timestamp"
            >
              ▶ {formatTimestamp(b.timestamp)}
            </button>
          ) : (
            <span className="timestamp">{formatTimestamp(b.timestamp)}</span>
          ))}
        {b.turnId !== undefined && (
          <button type="button" className="code-turn" title={t('coding.turn.code')} aria-label={t('coding.turn.code')} onClick={() => onCodeTurn(b.turnId!)} data-testid="code-turn">
            {t('coding.turn.short')}
          </button>
        )}
      </div>
      <div className="block-text" lang={language ?? undefined} ref={textRef}>
        {labelLen > 0 && (
          <span className="label-in-text" style={{ color: sp?.color }} data-start={b.start}>
            {blockText.slice(0, labelLen)}
          </span>
        )}
        {segs.map((s) => {
          const covering = s.ids.map((id) => byId.get(id)!).filter(Boolean);
          const inner = covering.reduce<LanedQuotation | undefined>((best, q) => (!best || q.end - q.start < best.end - best.start ? q : best), undefined);
          const color = inner ? (codesById.get(inner.codeIds[0] ?? -1)?.color ?? '#888888') : null;
          const isPending = pending !== null && s.start >= pending.start && s.end <= pending.end;
          const isSelected = selectedId !== null && s.ids.includes(selectedId);
          const cls = [covering.length ? 'coded' : '', isSelected ? 'selected-quote' : '', isPending ? 'pending' : ''].filter(Boolean).join(' ');
          return (
            <span
              key={s.start}
              data-start={s.start}
              data-quotes={s.ids.length ? s.ids.join(',') : undefined}
              className={cls || undefined}
              style={color && !isPending ? { backgroundColor: `${color}${covering.length > 1 ? '4d' : '30'}`, ...(isSelected ? { textDecorationColor: color } : {}) } : undefined}
            >
              {text.slice(s.start, s.end)}
            </span>
          );
        })}
      </div>
      <div className="margin" ref={marginRef} style={{ minHeight: labelsBottom }} aria-hidden={quotations.length === 0}>
        {quotations.map((q) => {
          const p = placed.get(q.id);
          if (!p) return null;
          const colors = q.codeIds.map((id) => codesById.get(id)?.color ?? '#999999');
          const bg = colors.length <= 1 ? (colors[0] ?? '#999999') : `linear-gradient(${colors.map((c, i) => `${c} ${(i / colors.length) * 100}% ${((i + 1) / colors.length) * 100}%`).join(', ')})`;
          return (
            <button
              key={q.id}
              type="button"
              tabIndex={-1}
              className={`bar ${q.id === selectedId ? 'selected' : ''}`}
              data-quote-id={q.id}
              data-testid="margin-bar"
              title={q.codeIds.map((id) => codesById.get(id)?.path ?? '').join('\n')}
              style={{ left: q.lane * LANE_WIDTH + 2, top: p.top, height: p.bottom - p.top, background: bg }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onSelectQuotation(q.id)}
            />
          );
        })}
        {starting.map((q) => {
          const top = labelTops.get(q.id) ?? 0;
          return (
            <div
              key={`l${q.id}`}
              className={`margin-label ${q.id === selectedId ? 'selected' : ''}`}
              style={{ top, left: laneCount * LANE_WIDTH + 6 }}
              data-quote-id={q.id}
              data-testid="margin-label"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onSelectQuotation(q.id)}
            >
              <QuotationMarkers q={q} />
              {q.codeIds.length === 0 ? (
                <span className="margin-code uncoded">{t('coding.margin.uncoded')}</span>
              ) : (
                q.codeIds.map((id) => {
                  const c = codesById.get(id);
                  return (
                    <span key={id} className="margin-code" style={{ color: c?.color }} title={c?.path}>
                      {c?.name ?? '?'}
                    </span>
                  );
                })
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Small marks for a quotation with a comment, memos, or words changed by a text correction. */
export function QuotationMarkers({ q }: { q: Pick<Quotation, 'comment' | 'memos' | 'needsReview'> }) {
  const { t } = useTranslation();
  return (
    <>
      {q.needsReview && <span className="q-mark review" title={t('docManage.reviewHint')} data-testid="mark-review">!</span>}
      {q.comment && <span className="q-mark comment" title={`${t('coding.panel.comment')}: ${q.comment}`} data-testid="mark-comment">✎</span>}
      {q.memos > 0 && <span className="q-mark memo" title={t('coding.marks.memos', { count: q.memos })} data-testid="mark-memo">M{q.memos > 1 ? q.memos : ''}</span>}
    </>
  );
}

function sameLayout(a: Map<number, Placed>, b: Map<number, Placed>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of b) {
    const o = a.get(k);
    if (!o || Math.abs(o.top - v.top) > 0.5 || Math.abs(o.bottom - v.bottom) > 0.5) return false;
  }
  return true;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const DocBlock = memo(DocBlockImpl);
