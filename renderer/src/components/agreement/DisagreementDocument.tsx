/**
 * The disagreement view's document: every unit of one document in order, with one margin
 * column per coder (in the coder's colour, like an intercoder view side by side) holding a bar
 * for each of that coder's quotations with the code, placed on the lines it covers. The text is
 * underlined in each coder's colour where they coded it (the first coder's line below the
 * second's, so both show where they overlap); units where the two disagree are marked, and the current
 * one is outlined and scrolled into view. Clicking a marked unit makes it the current one.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisagreementDocument as Doc } from '../../../../shared/contract/agreement';
import { assignLanes, segments } from '../../coding/margin';
import { rangeFor } from '../../coding/selection';

/** Two colours told apart also by people with red–green colour blindness; a coder's own colour wins. */
const CODER_COLORS = ['#1f6fb4', '#c45a00'];
export const coderColor = (d: Pick<Doc, 'coders'>, k: number): string => d.coders[k]?.color ?? CODER_COLORS[k % CODER_COLORS.length]!;

const BAR = 7;
const COLUMN = 56;

type Unit = Doc['units'][number];
type Quote = Doc['quotations'][number] & { lane: number };

interface Props {
  doc: Doc;
  /** [start, end] of the current disagreement, when it is in this document. */
  current: { start: number; end: number } | null;
  onPick(unit: Unit): void;
}

export function DisagreementDocument({ doc, current, onPick }: Props) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const colors = useMemo(() => [coderColor(doc, 0), coderColor(doc, 1)], [doc]);
  const names = useMemo(() => doc.coders.map((c) => c.name), [doc]);

  // Lanes per coder, so a coder's overlapping quotations stand side by side in their column.
  const quotes = useMemo(() => {
    const out: Quote[] = [];
    for (const k of [0, 1]) {
      const own = doc.quotations.filter((q) => q.coder === k);
      const { lanes } = assignLanes(own);
      for (const q of own) out.push({ ...q, lane: Math.min(lanes.get(q.id) ?? 0, Math.floor(COLUMN / (BAR + 2)) - 1) });
    }
    return out.sort((a, b) => a.start - b.start);
  }, [doc]);

  // Each unit's quotations, computed once per document so unchanged rows are not laid out again.
  const perUnit = useMemo(() => doc.units.map((u) => quotes.filter((q) => q.start < u.end && q.end > u.start)), [doc, quotes]);

  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.round(entries[0]!.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The current unit in view (centred), whenever it changes or the document arrives.
  const currentStart = current?.start;
  useEffect(() => {
    if (currentStart === undefined) return;
    bodyRef.current?.querySelector<HTMLElement>(`[data-unit-start="${currentStart}"]`)?.scrollIntoView({ block: 'center' });
  }, [currentStart, doc]);

  return (
    <div className="dd" data-testid="disagreement-document">
      <div className="dd-head" style={{ gridTemplateColumns: `minmax(0, 1fr) ${COLUMN}px ${COLUMN}px` }}>
        <span className="muted">{doc.documentName}</span>
        {doc.coders.map((c, k) => (
          <span key={c.name} className="dd-coder" style={{ color: colors[k] }} title={c.present ? c.name : t('teams.missingHint', { name: c.name })} data-testid="dd-coder">
            <span className="dd-swatch" style={{ background: colors[k] }} />
            {c.name}
          </span>
        ))}
      </div>
      <div className="dd-body" ref={bodyRef}>
        {doc.units.map((u, i) => {
          const isCurrent = current !== null && current.start === u.start && current.end === u.end;
          return <UnitRow key={u.start} unit={u} text={doc.text} quotes={perUnit[i]!} colors={colors} names={names} current={isCurrent} width={width} onPick={onPick} />;
        })}
      </div>
    </div>
  );
}

interface RowProps {
  unit: Unit;
  text: string;
  quotes: Quote[];
  colors: string[];
  names: string[];
  current: boolean;
  width: number;
  onPick(unit: Unit): void;
}

interface Placed {
  top: number;
  bottom: number;
}

function UnitRowImpl({ unit: u, text, quotes, colors, names, current, width, onPick }: RowProps) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Map<number, Placed>>(new Map());
  const segs = useMemo(() => segments(u.start, u.end, quotes), [u.start, u.end, quotes]);
  const coderOf = useMemo(() => new Map(quotes.map((q) => [q.id, q.coder])), [quotes]);

  // Bars on the lines their quotation covers, measured after layout (and again on reflow).
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el || quotes.length === 0) return;
    const origin = el.getBoundingClientRect().top;
    const height = el.getBoundingClientRect().height;
    const next = new Map<number, Placed>();
    for (const q of quotes) {
      const range = rangeFor(el, Math.max(q.start, u.start), Math.min(q.end, u.end));
      const rects = range ? [...range.getClientRects()].filter((r) => r.height > 0) : [];
      const top = q.start <= u.start || !rects.length ? 0 : rects[0]!.top - origin;
      const bottom = q.end >= u.end || !rects.length ? height : rects[rects.length - 1]!.bottom - origin;
      next.set(q.id, { top, bottom: Math.max(bottom, top + 6) });
    }
    setPlaced(next);
  }, [quotes, u.start, u.end, width]);

  const cls = ['dd-unit', u.disagreement ? 'disagree' : '', current ? 'current' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={cls}
      style={{ gridTemplateColumns: `minmax(0, 1fr) ${COLUMN}px ${COLUMN}px` }}
      data-unit-start={u.start}
      data-testid={u.disagreement ? 'dd-disagreement' : 'dd-unit'}
      aria-current={current ? 'true' : undefined}
      onClick={u.disagreement ? () => onPick(u) : undefined}
      title={u.disagreement ? t('teams.pickHint') : undefined}
    >
      <div className="dd-text" ref={textRef}>
        {segs.map((s) => {
          const by = new Set(s.ids.map((id) => coderOf.get(id)));
          const lines = [0, 1].filter((k) => by.has(k)).map((k, i) => `inset 0 -${2 * (i + 1)}px 0 ${colors[k]}`);
          return (
            <span key={s.start} data-start={s.start} data-coders={[...by].sort().join(',') || undefined} style={lines.length ? { boxShadow: lines.join(', ') } : undefined}>
              {text.slice(s.start, s.end)}
            </span>
          );
        })}
      </div>
      {[0, 1].map((k) => (
        <div
          key={k}
          className={`dd-column ${u.disagreement && !u.coded[k] ? 'lacks' : ''}`}
          title={u.coded[k] || u.disagreement ? `${names[k]} ${u.coded[k] ? t('teams.coded') : t('teams.notCoded')}` : undefined}
          data-testid="dd-column"
          data-coder={k}
        >
          {quotes
            .filter((q) => q.coder === k)
            .map((q) => {
              const p = placed.get(q.id);
              return p ? (
                <span key={q.id} className="dd-bar" data-testid="dd-bar" style={{ left: 6 + q.lane * (BAR + 2), top: p.top, height: p.bottom - p.top, width: BAR, background: colors[k] }} />
              ) : null;
            })}
        </div>
      ))}
    </div>
  );
}

const UnitRow = memo(UnitRowImpl);
