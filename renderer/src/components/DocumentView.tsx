/**
 * The document: speaker turns (label, timestamp, text) for transcripts, paragraphs for field
 * notes. Virtualised by block so a long transcript opens at once. Each block carries its
 * offsets (data-start) into the stored text, so selections map back to UTF-16 positions.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFull } from '../../../shared/contract';
import { useApp } from '../store/app-store';
import { formatNumber, formatTimestamp } from '../util/format';
import { VirtualList } from './VirtualList';

export interface Block {
  start: number;
  end: number;
  speakerId: number | null;
  timestamp: number | null;
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
    blocks.push({ start: t.start, end: t.end, speakerId: t.speakerId, timestamp: t.timestamp });
    pos = t.end;
  }
  paragraphs(pos, doc.text.length);
  return blocks;
}

const SPEAKER_COLORS = ['#1f618d', '#a04000', '#196f3d', '#6c3483', '#b03a2e', '#117a65', '#7e5109'];

export function DocumentView() {
  const { t, i18n } = useTranslation();
  const doc = useApp((s) => s.document);
  const blocks = useMemo(() => (doc ? blocksOf(doc) : []), [doc]);
  const speakers = useMemo(() => new Map(doc?.speakerList.map((s, i) => [s.id, { ...s, color: SPEAKER_COLORS[i % SPEAKER_COLORS.length]! }]) ?? []), [doc]);

  if (!doc) return <section className="panel document-view empty-view" aria-label={t('view.choose')}><p className="empty">{t('view.choose')}</p></section>;

  return (
    <section className="panel document-view" aria-labelledby="doc-title">
      <header className="doc-header">
        <h2 id="doc-title">{doc.name}</h2>
        <div className="doc-header-meta">
          <span>{t(`documents.kind.${doc.kind}`)}</span>
          <span>{t('view.characters', { n: formatNumber(doc.chars, i18n.language) })}</span>
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
      </header>
      <VirtualList
        items={blocks}
        ariaLabel={doc.name}
        className="doc-text"
        estimateSize={(i) => Math.max(44, Math.ceil(((blocks[i]?.end ?? 0) - (blocks[i]?.start ?? 0)) / 90) * 22 + 16)}
        getKey={(b) => b.start}
        render={(b) => {
          const sp = b.speakerId !== null ? speakers.get(b.speakerId) : undefined;
          const text = doc.text.slice(b.start, b.end);
          const labelMatch = sp ? new RegExp(`^[^\\n]*?${escapeRe(sp.label)}[^:\\n]*:\\s*`).exec(text) : null;
          const labelLen = labelMatch && labelMatch.index === 0 ? labelMatch[0].length : 0;
          return (
            <div className={`block ${sp ? 'turn' : 'paragraph'} ${sp?.isInterviewer ? 'interviewer' : ''}`} data-start={b.start} data-end={b.end} data-testid={sp ? 'turn' : 'paragraph'}>
              <div className="gutter">
                {sp && (
                  <span className="speaker" style={{ color: sp.color }} data-testid="turn-speaker">
                    {sp.name ?? sp.label}
                  </span>
                )}
                {b.timestamp !== null && <span className="timestamp">{formatTimestamp(b.timestamp)}</span>}
              </div>
              <div className="block-text" lang={doc.language ?? undefined}>
                {labelLen > 0 && <span className="label-in-text" style={{ color: sp?.color }}>{text.slice(0, labelLen)}</span>}
                {text.slice(labelLen)}
              </div>
            </div>
          );
        }}
      />
    </section>
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
