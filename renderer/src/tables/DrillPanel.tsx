/**
 * The panel beside a table that shows the quotations behind the number clicked: each with its
 * document, speaker and attributes, and a jump into the document; for "k av n" the n − k
 * documents without the code on demand. The same selection as tables.drill and `rodtrad quotes`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRILL_PAGE, type DrillRequest, type DrillResult } from '../../../shared/contract/drill';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { useView } from '../store/view-store';

interface Props {
  request: DrillRequest | null;
  onClose: () => void;
  /** Called after the typical quotes changed (the table reprints its examples). */
  onChanged?: () => void;
}

export function DrillPanel({ request, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const setError = useApp((s) => s.setError);
  const [result, setResult] = useState<{ request: string; value: DrillResult } | null>(null);
  const [showWithout, setShowWithout] = useState(false);
  // Rows asked for: a page at first, another page per "Visa fler" (back to one for a new number).
  const [wanted, setWanted] = useState<{ for: string; limit: number }>({ for: '', limit: DRILL_PAGE });
  const requestKey = request ? JSON.stringify(request) : '';
  const limit = wanted.for === requestKey ? wanted.limit : DRILL_PAGE;
  const key = request ? JSON.stringify({ ...request, limit }) : '';
  // A theme-table count is one code's: its quotations can be pinned as the code's typical quotes.
  const pinCode = request?.from === 'theme' ? request.codeId : null;
  const [pins, setPins] = useState<{ code: number; ids: number[] } | null>(null);
  useEffect(() => {
    if (pinCode === null) return;
    let live = true;
    api.call('quotations.typical', { codeId: pinCode }).then((ids) => live && setPins({ code: pinCode, ids }), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [pinCode, setError]);
  const pinned = pins && pins.code === pinCode ? pins.ids : [];
  const savePins = async (ids: number[]): Promise<void> => {
    if (pinCode === null) return;
    try {
      setPins({ code: pinCode, ids: await api.call('quotations.setTypical', { codeId: pinCode, quotationIds: ids }) });
      onChanged?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const togglePin = (id: number): Promise<void> => savePins(pinned.includes(id) ? pinned.filter((x) => x !== id) : [...pinned, id]);
  const movePin = (id: number, by: number): Promise<void> => {
    const i = pinned.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= pinned.length) return Promise.resolve();
    const next = [...pinned];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return savePins(next);
  };

  useEffect(() => {
    if (!request) return;
    let live = true;
    api.call('tables.drill', { ...request, limit }).then(
      (value) => live && setResult({ request: requestKey, value }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // `key` stands for the request's content: a new object with the same content asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, setError]);

  if (!request) return null;
  // while more rows load, the rows already shown stay
  const fetched = result?.request === requestKey ? result.value : null;
  // Pinned quotes first, in their print order.
  const r = fetched && pinned.length
    ? { ...fetched, rows: [...pinned.flatMap((id) => fetched.rows.filter((q) => q.id === id)), ...fetched.rows.filter((q) => !pinned.includes(q.id))] }
    : fetched;
  const jump = (q: DrillResult['rows'][number]): void => {
    void useCoding.getState().jumpTo({ documentId: q.documentId, start: q.start, end: q.end }, q.id);
    useView.getState().show('document');
  };
  return (
    <aside className="drill-panel" aria-label={t('tables.drill.title')} data-testid="drill-panel">
      <header className="drill-head">
        <div>
          <h3 data-testid="drill-title">{r?.title ?? '…'}</h3>
          {r && <p className="muted">{t('tables.drill.quotations', { count: r.total, docs: r.documents.length })}</p>}
        </div>
        <button type="button" className="tt-icon" onClick={onClose} aria-label={t('tables.drill.close')} title={t('tables.drill.close')}>✕</button>
      </header>
      <div className="drill-body">
        {r && r.rows.length === 0 && <p className="empty">{t('tables.drill.none')}</p>}
        {r && r.rows.length < r.total && <p className="muted">{t('tables.drill.first', { shown: r.rows.length, total: r.total })}</p>}
        {r && (
          <ol className="drill-list">
            {r.rows.map((q) => (
              <li key={q.id} className="drill-quote" data-testid="drill-quote" data-quotation-id={q.id}>
                <div className="drill-meta">
                  <strong>{q.documentName}</strong>
                  {q.speaker && <span className="drill-speaker">{q.speaker}</span>}
                  {Object.entries(q.attributes).map(([k, v]) => (
                    <span key={k} className="drill-attr" title={k}>{v}</span>
                  ))}
                </div>
                <blockquote>{q.text}</blockquote>
                <div className="drill-actions">
                  <button type="button" className="drill-jump" onClick={() => jump(q)}>{t('tables.drill.jump')} →</button>
                  {pinCode !== null && (
                    <span className="drill-pin">
                      {pinned.includes(q.id) && (
                        <>
                          <button type="button" className="tt-icon" onClick={() => void movePin(q.id, -1)} disabled={pinned.indexOf(q.id) === 0} aria-label={t('tables.up')}>↑</button>
                          <button type="button" className="tt-icon" onClick={() => void movePin(q.id, 1)} disabled={pinned.indexOf(q.id) === pinned.length - 1} aria-label={t('tables.down')}>↓</button>
                        </>
                      )}
                      <button type="button" className={pinned.includes(q.id) ? 'pin on' : 'pin'} aria-pressed={pinned.includes(q.id)} onClick={() => void togglePin(q.id)} data-testid="drill-pin">
                        {pinned.includes(q.id) ? `★ ${pinned.indexOf(q.id) + 1}` : '☆'} {t('tables.drill.pin')}
                      </button>
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
        {r && r.rows.length < r.total && (
          <button type="button" className="drill-more" onClick={() => setWanted({ for: requestKey, limit: limit + DRILL_PAGE })} data-testid="drill-more">
            {t('tables.drill.more')}
          </button>
        )}
        {r && r.without.length > 0 && (
          <section className="drill-without">
            <button type="button" onClick={() => setShowWithout(!showWithout)} data-testid="drill-without-toggle" aria-expanded={showWithout}>
              {showWithout ? t('tables.drill.hideWithout') : t('tables.drill.without', { count: r.without.length })}
            </button>
            {showWithout && (
              <>
                <h4>{t('tables.drill.withoutTitle')}</h4>
                <ul data-testid="drill-without">
                  {r.without.map((d) => (
                    <li key={d.documentId}>
                      <strong>{d.name}</strong> <span className="muted">{Object.values(d.attributes).join(' · ')}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        {r && (
          <details className="drill-cli">
            <summary>{t('tables.drill.cli')}</summary>
            <code data-testid="drill-cli">rodtrad quotes {'<projekt>'} {r.cli.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}</code>
          </details>
        )}
      </div>
    </aside>
  );
}
