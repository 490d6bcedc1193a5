/**
 * The document: speaker turns (label, timestamp, text) for transcripts, paragraphs for field
 * notes, with the coding margin on the right (one bar per quotation in its codes' colours,
 * code names beside it, overlapping quotations in lanes). Virtualised by block so a long
 * transcript opens at once. Every text span carries its offset (data-start) into the stored
 * text, so selections map back to UTF-16 positions (coding/selection.ts).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, DocumentFull, Quotation } from '../../../shared/contract';
import { assignLanes, overlapping } from '../coding/margin';
import { selectionOffsets } from '../coding/selection';
import { AddPseudonymDialog } from './privacy/AddPseudonymDialog';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { formatNumber } from '../util/format';
import { DocBlock, LANE_WIDTH, type LanedQuotation } from './DocBlock';
import { CorrectTextDialog } from './DocumentActions';
import { MediaBar } from './media/MediaBar';
import { useDocumentMedia } from './media/use-media';

export interface Block {
  start: number;
  end: number;
  speakerId: number | null;
  timestamp: number | null;
  turnId?: number;
}

/** Turns where the transcript has them (filling gaps with plain blocks), else paragraphs. */
export function blocksOf(doc: DocumentFull): Block[] {
  const blocks: Block[] = [];
  const paragraphs = (from: number, to: number): void => {
    const re = /\n{2,}/g;
    let s = from;
    const slice = doc.text.slice(from, to);
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      if (from + m.index > s) blocks.push({ start: s, end: from + m.index, speakerId: null, timestamp: null });
      s = from + m.index + m[0].length;
    }
    if (to > s && doc.text.slice(s, to).trim()) blocks.push({ start: s, end: to, speakerId: null, timestamp: null });
  };
  let pos = 0;
  for (const t of doc.turnList) {
    if (t.start > pos) paragraphs(pos, t.start);
    blocks.push({ start: t.start, end: t.end, speakerId: t.speakerId, timestamp: t.timestamp, turnId: t.id });
    pos = t.end;
  }
  paragraphs(pos, doc.text.length);
  return blocks;
}

const SPEAKER_COLORS = ['#1f618d', '#a04000', '#196f3d', '#6c3483', '#b03a2e', '#117a65', '#7e5109'];
/** Room for code names to the right of the bars. */
const LABEL_WIDTH = 170;
const MAX_LANES = 8;

export function DocumentView() {
  const { t, i18n } = useTranslation();
  const doc = useApp((s) => s.document);
  const quotations = useApp((s) => s.quotations);
  const codes = useApp((s) => s.codes);
  const selectedId = useCoding((s) => s.selectedQuotationId);
  const pending = useCoding((s) => s.pending);
  const jump = useCoding((s) => s.jump);
  const selectQuotation = useCoding((s) => s.selectQuotation);
  const setPending = useCoding((s) => s.setPending);
  const applyCodes = useCoding((s) => s.applyCodes);
  const openQuickCode = useCoding((s) => s.openQuickCode);
  const openMemo = useCoding((s) => s.openMemo);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const [menu, setMenu] = useState<{ x: number; y: number; block: Block; quotationId: number | null } | null>(null);
  const [correcting, setCorrecting] = useState<{ start: number; end: number } | null>(null);
  const media = useDocumentMedia(doc);
  const [playingIndex, setPlayingIndex] = useState(-1);
  /** The selected words on their way into the pseudonym list. */
  const [pseudonymising, setPseudonymising] = useState<string | null>(null);

  const blocks = useMemo(() => (doc ? blocksOf(doc) : []), [doc]);
  const speakers = useMemo(() => new Map(doc?.speakerList.map((s, i) => [s.id, { ...s, color: SPEAKER_COLORS[i % SPEAKER_COLORS.length]! }]) ?? []), [doc]);
  const codesById = useMemo(() => new Map<number, Code>(codes.map((c) => [c.id, c])), [codes]);
  const docQuotes = useMemo(() => (doc ? quotations.filter((q) => q.documentId === doc.id) : []), [doc, quotations]);
  const layout = useMemo(() => {
    const sorted = [...docQuotes].sort((a, b) => a.start - b.start || b.end - a.end);
    const { lanes, laneCount } = assignLanes(sorted);
    const laned: LanedQuotation[] = sorted.map((q) => ({ ...q, lane: Math.min(lanes.get(q.id) ?? 0, MAX_LANES - 1) }));
    const maxLength = sorted.reduce((m, q) => Math.max(m, q.end - q.start), 0);
    return { laned, laneCount: Math.min(laneCount, MAX_LANES), maxLength };
  }, [docQuotes]);
  const marginWidth = Math.max(1, layout.laneCount) * LANE_WIDTH + LABEL_WIDTH;
  // Stable per-block arrays, so a memoised block re-renders only when its own quotations change.
  const blockQuotes = useMemo(() => blocks.map((b) => overlapping(layout.laned, layout.maxLength, b.start, b.end)), [blocks, layout]);
  const onCodeTurn = useCallback((turnId: number) => openQuickCode({ kind: 'turn', turnId }), [openQuickCode]);
  // blocks with a timestamp, in time order: the turn playing is the last one started
  const timed = useMemo(() => blocks.flatMap((b, i) => (b.timestamp !== null ? [{ at: b.timestamp, i }] : [])).sort((a, b) => a.at - b.at || a.i - b.i), [blocks]);
  const mediaRef = media.ref;
  const onSeek = useCallback(
    (seconds: number) => {
      const el = mediaRef.current;
      if (!el) return;
      el.currentTime = seconds;
      void el.play();
    },
    [mediaRef],
  );
  const playable = media.src !== null;

  // The React Compiler would skip this component (TanStack Virtual returns functions it cannot
  // memoise); the project does not use the compiler, and the virtualizer is used as its docs say.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (i) => Math.max(44, Math.ceil(((blocks[i]?.end ?? 0) - (blocks[i]?.start ?? 0)) / 80) * 23 + 14),
    overscan: 6,
    getItemKey: (i) => blocks[i]!.start,
  });

  // Jumps from the quotation manager or the quotation list: scroll the block into view.
  useEffect(() => {
    if (!jump || !doc || jump.documentId !== doc.id) return;
    const i = blockIndexAt(blocks, jump.start);
    if (i >= 0) {
      setCurrent(i);
      virtualizer.scrollToIndex(i, { align: 'center' });
    }
  }, [jump, doc, blocks, virtualizer]);

  // The playing turn is highlighted and followed: scrolled into view whenever it changes.
  const mediaPath = media.info?.path;
  useEffect(() => {
    const el = mediaRef.current;
    if (!el || !playable) return;
    let shown = -2;
    const update = (): void => {
      const now = el.currentTime;
      let lo = 0;
      let hi = timed.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (timed[mid]!.at <= now + 0.05) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const index = found >= 0 ? timed[found]!.i : -1;
      if (index === shown) return;
      shown = index;
      setPlayingIndex(index);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    };
    update();
    el.addEventListener('timeupdate', update);
    el.addEventListener('seeked', update);
    return () => {
      el.removeEventListener('timeupdate', update);
      el.removeEventListener('seeked', update);
    };
  }, [mediaRef, playable, mediaPath, timed, virtualizer]);

  // A new document starts at its top (adjusted while rendering, before the jump above runs)…
  const [shownDocId, setShownDocId] = useState(doc?.id);
  if (shownDocId !== doc?.id) {
    setShownDocId(doc?.id);
    setCurrent(0);
    setMenu(null);
    setPlayingIndex(-1);
  }
  // …and a selection pending in another document is dropped (the store is not set while rendering).
  useEffect(() => {
    if (doc && pending && pending.documentId !== doc.id) setPending(null);
  }, [doc, pending, setPending]);

  const onMouseUp = useCallback(
    (e: React.MouseEvent) => {
      if (!doc || !bodyRef.current || e.button !== 0) return;
      // The block clicked or selected in becomes the current one: T codes that turn.
      const clicked = (e.target as HTMLElement).closest<HTMLElement>('[data-block]');
      if (clicked) {
        const i = blockIndexAt(blocks, Number(clicked.dataset.start));
        if (i >= 0) setCurrent(i);
      }
      const r = selectionOffsets(bodyRef.current);
      if (r) {
        setPending({ documentId: doc.id, ...r });
        return;
      }
      const target = (e.target as HTMLElement).closest<HTMLElement>('[data-quotes]');
      const ids = target?.dataset.quotes ? target.dataset.quotes.split(',').map(Number) : [];
      setPending(null);
      if (ids.length) selectQuotation(innermost(docQuotes, ids));
    },
    [doc, docQuotes, blocks, selectQuotation, setPending],
  );

  const onDrop = (e: React.DragEvent): void => {
    const codeId = Number(e.dataTransfer.getData('application/x-rodtrad-code'));
    if (!codeId || !doc) return;
    e.preventDefault();
    const onQuote = (e.target as HTMLElement).closest<HTMLElement>('[data-quote-id], [data-quotes]');
    const quoteId = onQuote?.dataset.quoteId ? Number(onQuote.dataset.quoteId) : onQuote?.dataset.quotes ? innermost(docQuotes, onQuote.dataset.quotes.split(',').map(Number)) : null;
    const inPending = (e.target as HTMLElement).closest('.pending');
    if (pending && pending.documentId === doc.id && (inPending || !quoteId)) void applyCodes([codeId], { kind: 'selection' });
    else if (quoteId) void applyCodes([codeId], { kind: 'quotation', id: quoteId });
    else useApp.getState().setNotice(t('coding.dropNothing'));
  };

  const moveQuotation = (delta: number): void => {
    if (layout.laned.length === 0 || !doc) return;
    const byStart = layout.laned;
    const i = byStart.findIndex((q) => q.id === selectedId);
    const next = byStart[i === -1 ? (delta > 0 ? 0 : byStart.length - 1) : Math.max(0, Math.min(byStart.length - 1, i + delta))]!;
    selectQuotation(next.id);
    const bi = blockIndexAt(blocks, next.start);
    if (bi >= 0) { setCurrent(bi); virtualizer.scrollToIndex(bi, { align: 'auto' }); }
  };

  /** Keyboard selection: S selects the current turn's text; Shift+←/→ move its end, Alt+Shift+←/→ its start, by a word. */
  const moveEdge = (edge: 'start' | 'end', dir: -1 | 1): void => {
    if (!doc || !pending) return;
    const next = wordStep(doc.text, edge === 'start' ? pending.start : pending.end, dir);
    const r = edge === 'start' ? { start: next, end: pending.end } : { start: pending.start, end: next };
    if (r.end > r.start) setPending({ documentId: doc.id, ...r });
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey) return;
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      moveEdge(e.altKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (e.altKey) return;
    const block = blocks[current];
    if ((e.key === 's' || e.key === 'S') && block && doc) {
      e.preventDefault();
      const body = bodyRange(doc.text, block, speakers.get(block.speakerId ?? -1)?.label);
      if (body) setPending({ documentId: doc.id, ...body });
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      const i = Math.min(blocks.length - 1, current + 1);
      setCurrent(i);
      virtualizer.scrollToIndex(i, { align: 'auto' });
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      const i = Math.max(0, current - 1);
      setCurrent(i);
      virtualizer.scrollToIndex(i, { align: 'auto' });
    } else if (e.key === ']' || e.key === 'n') {
      e.preventDefault();
      moveQuotation(1);
    } else if (e.key === '[' || e.key === 'p') {
      e.preventDefault();
      moveQuotation(-1);
    } else if ((e.key === 't' || e.key === 'T') && block?.turnId !== undefined) {
      e.preventDefault();
      openQuickCode({ kind: 'turn', turnId: block.turnId });
    } else if (e.key === 'Escape') {
      setPending(null);
      selectQuotation(null);
      window.getSelection()?.removeAllRanges();
    }
  };

  if (!doc) return <section className="panel document-view empty-view" aria-label={t('view.choose')}><p className="empty">{t('view.choose')}</p></section>;

  return (
    <section className="panel document-view" aria-labelledby="doc-title">
      <header className="doc-header">
        <div className="doc-title-row">
          <h2 id="doc-title">{doc.name}</h2>
          <div className="doc-title-actions">
            {!media.info && doc.kind !== 'survey' && doc.kind !== 'memo' && <MediaBar media={media} />}
            <button type="button" className="small-button" onClick={() => openMemo({ kind: 'document', id: doc.id })} data-testid="document-memo">
              {t('coding.memo.onDocument')}
            </button>
          </div>
        </div>
        <div className="doc-header-meta">
          <span>{t(`documents.kind.${doc.kind}`)}</span>
          <span>{t('view.characters', { n: formatNumber(doc.chars, i18n.language) })}</span>
          <span>{t('coding.doc.quotations', { count: docQuotes.length })}</span>
          {Object.entries(doc.attributes).map(([k, v]) => (
            <span key={k} className="chip" title={k}>{k}: {v}</span>
          ))}
        </div>
        {doc.speakerList.length > 0 && (
          <div className="speaker-legend" aria-label={t('view.speakers')}>
            {[...speakers.values()].map((s) => (
              <span key={s.id} className="speaker-chip" style={{ borderColor: s.color, color: s.color }}>
                {s.name ?? s.label}
                {s.isInterviewer ? ` (${t('view.interviewer')})` : ''}
              </span>
            ))}
          </div>
        )}
        {media.info && <MediaBar media={media} />}
      </header>
      {pending && pending.documentId === doc.id && (
        <div className="selection-bar" role="toolbar" aria-label={t('coding.selection.label')} data-testid="selection-bar">
          <span className="muted">{t('coding.selection.chars', { n: formatNumber(pending.end - pending.start, i18n.language) })}</span>
          <button type="button" className="small-button primary" onClick={() => openQuickCode({ kind: 'selection' })} data-testid="code-selection">
            {t('coding.selection.code')} <kbd>Q</kbd>
          </button>
          <span className="muted">{t('coding.selection.dragHint')}</span>
          <button type="button" className="small-button" onClick={() => setCorrecting({ start: pending.start, end: pending.end })} data-testid="correct-selection">
            {t('docManage.correct')}
          </button>
          <button type="button" className="small-button" onClick={() => setPseudonymising(doc.text.slice(pending.start, pending.end))} title={t('privacy.addTitle')} data-testid="pseudonymise-selection">
            {t('privacy.fromSelection')}
          </button>
          <button type="button" className="link" onClick={() => (setPending(null), window.getSelection()?.removeAllRanges())}>{t('coding.selection.clear')}</button>
        </div>
      )}
      <div
        ref={bodyRef}
        className="virtual-scroll doc-text"
        role="document"
        aria-label={doc.name}
        tabIndex={0}
        data-testid="document-text"
        onMouseUp={onMouseUp}
        onKeyDown={onKeyDown}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('application/x-rodtrad-code')) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDrop={onDrop}
        onContextMenu={(e) => {
          // From the keyboard (menu key, Shift+F10) the menu is about the current turn and the selected quotation.
          const el = (e.target as HTMLElement).closest<HTMLElement>('[data-block]');
          const block = el ? blocks.find((b) => b.start === Number(el.dataset.start)) : blocks[current];
          if (!block) return;
          e.preventDefault();
          const q = (e.target as HTMLElement).closest<HTMLElement>('[data-quotes]')?.dataset.quotes;
          const quotationId = q ? innermost(docQuotes, q.split(',').map(Number)) : el ? null : selectedId;
          const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
          const x = e.clientX || box.left + 120;
          const y = e.clientY || box.top + 40;
          setMenu({ x, y, block, quotationId });
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const b = blocks[v.index]!;
            const sp = b.speakerId !== null ? speakers.get(b.speakerId) : undefined;
            return (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}>
                <DocBlock
                  block={b}
                  text={doc.text}
                  language={doc.language}
                  speaker={sp}
                  quotations={blockQuotes[v.index]!}
                  codesById={codesById}
                  selectedId={selectedId}
                  pending={pending && pending.documentId === doc.id ? pending : null}
                  marginWidth={marginWidth}
                  current={v.index === current}
                  playing={v.index === playingIndex}
                  onSeek={playable ? onSeek : null}
                  onSelectQuotation={selectQuotation}
                  onCodeTurn={onCodeTurn}
                />
              </div>
            );
          })}
        </div>
      </div>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          items={[
            ...(pending ? [{ label: t('coding.menu.codeSelection'), run: () => openQuickCode({ kind: 'selection' }) }] : []),
            ...(pending ? [{ label: t('privacy.addTitle'), run: () => setPseudonymising(doc.text.slice(pending.start, pending.end)) }] : []),
            ...(menu.block.turnId !== undefined ? [{ label: t('coding.menu.codeTurn'), run: () => openQuickCode({ kind: 'turn', turnId: menu.block.turnId! }) }] : []),
            { label: t('docManage.correctTurn'), run: () => setCorrecting({ start: menu.block.start, end: menu.block.end }) },
            ...(menu.quotationId !== null
              ? [
                  { label: t('coding.menu.addCode'), run: () => openQuickCode({ kind: 'quotation', id: menu.quotationId! }) },
                  { label: t('coding.menu.memo'), run: () => openMemo({ kind: 'quotation', id: menu.quotationId! }) },
                  { label: t('coding.menu.deleteQuotation'), run: () => void useCoding.getState().deleteQuotation(menu.quotationId!) },
                ]
              : []),
          ]}
        />
      )}
      {pseudonymising !== null && <AddPseudonymDialog text={pseudonymising} onClose={() => setPseudonymising(null)} />}
      {correcting && <CorrectTextDialog documentId={doc.id} start={correcting.start} end={correcting.end} onClose={() => setCorrecting(null)} />}
    </section>
  );
}

/** The shortest of several quotations: the one the reader most likely means. */
function innermost(quotes: Quotation[], ids: number[]): number {
  const set = new Set(ids);
  let best: Quotation | undefined;
  for (const q of quotes) if (set.has(q.id) && (!best || q.end - q.start < best.end - best.start)) best = q;
  return best?.id ?? ids[0]!;
}

/** The next word boundary from `pos` in direction `dir` (skipping spaces, then a word). */
export function wordStep(text: string, pos: number, dir: -1 | 1): number {
  const isSpace = (i: number): boolean => /\s/.test(text[i] ?? ' ');
  if (dir < 0) {
    while (pos > 0 && isSpace(pos - 1)) pos--;
    while (pos > 0 && !isSpace(pos - 1)) pos--;
  } else {
    while (pos < text.length && isSpace(pos)) pos++;
    while (pos < text.length && !isSpace(pos)) pos++;
  }
  return pos;
}

/** A block's text without its speaker label ("[00:01:02] AL: ") and surrounding whitespace. */
function bodyRange(text: string, b: Block, label: string | undefined): { start: number; end: number } | null {
  let start = b.start;
  if (label) {
    const m = new RegExp(`^[^\\n]*?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^:\\n]*:\\s*`).exec(text.slice(b.start, b.end));
    if (m) start += m[0].length;
  }
  let end = b.end;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return end > start ? { start, end } : null;
}

function blockIndexAt(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return blocks.length ? lo : -1;
}

interface MenuItem {
  label: string;
  run: () => void;
}

export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(i + 1) % buttons.length]?.focus(); }
        if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(i - 1 + buttons.length) % buttons.length]?.focus(); }
      }}
    >
      {items.map((it) => (
        <button key={it.label} type="button" role="menuitem" onClick={() => (onClose(), it.run())}>
          {it.label}
        </button>
      ))}
    </div>
  );
}
