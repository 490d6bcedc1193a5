/**
 * Agreement and disagreements of two coders on one code: the figures (α, κ, percent), and the
 * document of the current disagreement unit by unit with one margin column per coder (their
 * quotations side by side, in each coder's colour). Next/previous step through the disagreements
 * of every document (N/P on the keyboard); each can be settled by accepting one coder's version,
 * both, or neither (1, 2, B, 0), one undo step each, and the figures follow.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResult, Disagreement, DisagreementDocument as Doc } from '../../../shared/contract/agreement';
import { api } from '../api/client';
import { coderColor, DisagreementDocument } from '../components/agreement/DisagreementDocument';
import { modalOpen, typing } from '../components/CodingShell';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { formatDecimal } from '../../../shared/format/numbers';
import type { ViewDef } from './registry';

type Unit = 'turn' | 'paragraph' | 'sentence';
type Choice = 'first' | 'second' | 'both' | 'neither';

/** Keys of the view (no modifier, not while typing): step through the disagreements and settle the current one. */
const KEYS: Record<string, 'next' | 'prev' | Choice> = { n: 'next', j: 'next', p: 'prev', k: 'prev', '1': 'first', '2': 'second', b: 'both', '0': 'neither' };

function AgreementView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'sv' ? 'sv' : 'en';
  const tick = useCoding((s) => s.tick);
  const codes = useApp((s) => s.codes);
  const [coders, setCoders] = useState<string[]>([]);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [picked, setCode] = useState('');
  const [unit, setUnit] = useState<Unit>('turn');
  const [figures, setFigures] = useState<AgreementResult | null>(null);
  const [list, setList] = useState<Disagreement[]>([]);
  const [at, setAt] = useState(0);
  const [docId, setDocId] = useState<number | null>(null);
  const [doc, setDoc] = useState<Doc | null>(null);
  const used = useMemo(() => codes.filter((c) => c.quotations > 0), [codes]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useCoding
      .getState()
      .run(() => api.call('coders.list', {}))
      .then((list) => {
        const names = (list ?? []).map((c) => c.name);
        setCoders(names);
        setFirst((f) => f || names[0] || '');
        setSecond((s) => s || names[1] || '');
      });
  }, [tick]);
  // Until the user picks one, the first code anyone used.
  const code = picked || used[0]?.path || '';

  const ready = first !== '' && second !== '' && first !== second && code !== '';
  useEffect(() => {
    if (!ready) return;
    const pair = [first, second];
    void useCoding
      .getState()
      .run(async () => {
        const [f, d] = await Promise.all([
          api.call('agreement.compute', { coders: pair, codes: [code], unit, bootstrap: 200 }),
          api.call('agreement.disagreements', { coders: pair, code, unit }),
        ]);
        return { f, d };
      })
      .then((r) => {
        if (!r) return;
        setFigures(r.f);
        setList(r.d);
        // A settled disagreement leaves the list: the same place now holds the next one.
        setAt((i) => Math.min(i, Math.max(0, r.d.length - 1)));
      });
  }, [ready, first, second, code, unit, tick]);

  const current = list[at] ?? null;
  // The document shown is the current disagreement's; when none is left, the last one shown stays.
  if (current && current.documentId !== docId) setDocId(current.documentId);
  useEffect(() => {
    if (!ready || docId === null) return;
    void useCoding
      .getState()
      .run(() => api.call('agreement.document', { coders: [first, second], code, unit, documentId: docId }))
      .then((d) => d && setDoc(d));
  }, [ready, first, second, code, unit, docId, tick]);

  const settle = useCallback(
    (accept: Choice): void => {
      if (!current) return;
      void useCoding.getState().run(() => api.call('agreement.settle', { coders: [first, second], code, documentId: current.documentId, start: current.start, end: current.end, accept }));
    },
    [current, first, second, code],
  );
  const step = useCallback((by: number): void => setAt((i) => (list.length ? (i + by + list.length) % list.length : 0)), [list.length]);
  const pick = useCallback(
    (u: { start: number; end: number }): void => {
      const i = list.findIndex((d) => d.documentId === docId && d.start === u.start && d.end === u.end);
      if (i >= 0) setAt(i);
    },
    [list, docId],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e) || modalOpen()) return;
      // Keys meant for another pane (N in the code tree makes a new code) are left alone.
      const target = e.target as Node | null;
      if (target && target !== document.body && !root.current?.contains(target)) return;
      const what = KEYS[e.key.toLowerCase()];
      if (!what || !current) return;
      e.preventDefault();
      if (what === 'next') step(1);
      else if (what === 'prev') step(-1);
      else settle(what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, step, settle]);

  const fig = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : formatDecimal(x, 3, lang));
  const c = figures?.codes[0];
  const shown = doc && docId === doc.documentId ? doc : null;

  return (
    <div className="agreement-view" ref={root}>
      <section className="panel agreement-controls" aria-label={t('teams.tab')}>
        <label>
          {t('teams.coders')}
          <select value={first} onChange={(e) => (setFirst(e.target.value), setAt(0))} data-testid="agreement-first">
            {coders.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
          <select value={second} onChange={(e) => (setSecond(e.target.value), setAt(0))} data-testid="agreement-second">
            {coders.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('teams.code')}
          <select value={code} onChange={(e) => (setCode(e.target.value), setAt(0))} data-testid="agreement-code">
            {used.map((x) => (
              <option key={x.id} value={x.path}>
                {x.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('teams.unit')}
          <select value={unit} onChange={(e) => (setUnit(e.target.value as Unit), setAt(0))} data-testid="agreement-unit">
            {(['turn', 'paragraph', 'sentence'] as const).map((u) => (
              <option key={u} value={u}>
                {t(`teams.units.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      {!ready ? (
        <p className="muted">{t('teams.pick')}</p>
      ) : (
        <>
          <section className="panel agreement-figures" aria-label={t('teams.figures')} data-testid="agreement-figures">
            <div>
              <span className="muted">{t('teams.alpha')}</span> <strong data-testid="agreement-alpha">{fig(c?.alpha)}</strong>
              {c?.interval && <span className="muted"> ({t('teams.interval', { level: Math.round(c.interval.level * 100), low: fig(c.interval.low), high: fig(c.interval.high) })})</span>}
            </div>
            <div>
              <span className="muted">{t('teams.kappa')}</span> <strong data-testid="agreement-kappa">{fig(c?.kappa)}</strong>
            </div>
            <div>
              <span className="muted">{t('teams.percent')}</span>{' '}
              <strong data-testid="agreement-percent">{c?.percent === null || c?.percent === undefined ? '–' : `${formatDecimal(c.percent * 100, 1, lang)} %`}</strong>
            </div>
            <div>
              <span className="muted">{t('teams.unitsCount')}</span> <strong>{c?.units ?? 0}</strong>
            </div>
            <div>
              <span className="muted">{t('teams.disagreements')}</span> <strong data-testid="agreement-count">{list.length}</strong>
            </div>
          </section>
          <section className="panel disagreement" aria-label={t('teams.disagreements')} data-testid="disagreement">
            <header className="disagreement-bar">
              {current ? (
                <>
                  <h2 data-testid="disagreement-position">
                    {t('teams.of', { n: at + 1, total: list.length })} · {current.documentName}
                  </h2>
                  <button type="button" onClick={() => step(-1)} title="P" data-testid="disagreement-prev">
                    ← {t('teams.prev')}
                  </button>
                  <button type="button" onClick={() => step(1)} title="N" data-testid="disagreement-next">
                    {t('teams.next')} →
                  </button>
                  <span className="disagreement-actions">
                    {[first, second].map((name, k) => (
                      <button key={name} type="button" onClick={() => settle(k === 0 ? 'first' : 'second')} title={String(k + 1)} data-testid={k === 0 ? 'settle-first' : 'settle-second'}>
                        {shown && <span className="dd-swatch" style={{ background: coderColor(shown, k) }} />}
                        {t('teams.acceptFirst', { name })}
                      </button>
                    ))}
                    <button type="button" onClick={() => settle('both')} title="B" data-testid="settle-both">
                      {t('teams.acceptBoth')}
                    </button>
                    <button type="button" onClick={() => settle('neither')} title="0" data-testid="settle-neither">
                      {t('teams.acceptNeither')}
                    </button>
                  </span>
                </>
              ) : (
                <h2 data-testid="disagreement-none">{t('teams.none')}</h2>
              )}
            </header>
            <p className="muted disagreement-hint">{t('teams.settleHint')}</p>
            {shown && <DisagreementDocument doc={shown} current={current && current.documentId === shown.documentId ? current : null} onPick={pick} />}
          </section>
        </>
      )}
    </div>
  );
}

const view: ViewDef = { id: 'agreement', titleKey: 'teams.tab', order: 55, component: AgreementView };
export default view;
