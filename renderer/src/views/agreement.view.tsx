/**
 * Agreement and disagreements of two coders on one code: the figures (α, κ, percent), and the
 * units where they differ, one at a time, with each coder's quotations side by side; each can
 * be settled by accepting one coder's version, both, or neither (one undo step each), and the
 * figures follow.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResult, Disagreement } from '../../../shared/contract/agreement';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { formatDecimal } from '../../../shared/format/numbers';
import type { ViewDef } from './registry';

type Unit = 'turn' | 'paragraph' | 'sentence';

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
  const used = useMemo(() => codes.filter((c) => c.quotations > 0), [codes]);

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
        setAt((i) => Math.min(i, Math.max(0, r.d.length - 1)));
      });
  }, [ready, first, second, code, unit, tick]);

  const current = list[at] ?? null;
  const settle = (accept: 'first' | 'second' | 'both' | 'neither'): void => {
    if (!current) return;
    void useCoding.getState().run(() => api.call('agreement.settle', { coders: [first, second], code, documentId: current.documentId, start: current.start, end: current.end, accept }));
  };
  const fig = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : formatDecimal(x, 3, lang));
  const c = figures?.codes[0];

  return (
    <div className="agreement-view">
      <section className="panel agreement-controls" aria-label={t('teams.tab')}>
        <label>
          {t('teams.coders')}
          <select value={first} onChange={(e) => setFirst(e.target.value)} data-testid="agreement-first">
            {coders.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
          <select value={second} onChange={(e) => setSecond(e.target.value)} data-testid="agreement-second">
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
          <select value={unit} onChange={(e) => (setUnit(e.target.value as Unit), setAt(0))}>
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
              {c?.interval && (
                <span className="muted">
                  {' '}
                  ({fig(c.interval.low)}–{fig(c.interval.high)})
                </span>
              )}
            </div>
            <div>
              <span className="muted">{t('teams.kappa')}</span> <strong>{fig(c?.kappa)}</strong>
            </div>
            <div>
              <span className="muted">{t('teams.percent')}</span> <strong>{c?.percent === null || c?.percent === undefined ? '–' : `${formatDecimal(c.percent * 100, 1, lang)} %`}</strong>
            </div>
            <div>
              <span className="muted">{t('teams.disagreements')}</span> <strong data-testid="agreement-count">{list.length}</strong>
            </div>
          </section>
          {current ? (
            <section className="panel disagreement" aria-label={t('teams.disagreements')} data-testid="disagreement">
              <header className="panel-header">
                <h2>
                  {current.documentName} · {t('teams.of', { n: at + 1, total: list.length })}
                </h2>
                <button type="button" onClick={() => setAt((at + 1) % list.length)} data-testid="disagreement-next">
                  {t('teams.next')}
                </button>
              </header>
              <blockquote className="disagreement-unit">{current.text}</blockquote>
              <div className="disagreement-sides">
                {current.coders.map((k) => (
                  <div key={k.name} className={`disagreement-side ${k.coded ? 'coded' : ''}`} data-testid="disagreement-side">
                    <h3>
                      {k.name} <span className="muted">{k.coded ? t('teams.coded') : t('teams.notCoded')}</span>
                    </h3>
                    {k.quotations.map((q) => (
                      <p key={q.id} className="disagreement-quote">
                        {q.text}
                      </p>
                    ))}
                  </div>
                ))}
              </div>
              <div className="disagreement-actions">
                <button type="button" onClick={() => settle('first')} data-testid="settle-first">
                  {t('teams.acceptFirst', { name: first })}
                </button>
                <button type="button" onClick={() => settle('second')} data-testid="settle-second">
                  {t('teams.acceptFirst', { name: second })}
                </button>
                <button type="button" onClick={() => settle('both')} data-testid="settle-both">
                  {t('teams.acceptBoth')}
                </button>
                <button type="button" onClick={() => settle('neither')} data-testid="settle-neither">
                  {t('teams.acceptNeither')}
                </button>
              </div>
              <p className="muted">{t('teams.settleHint')}</p>
            </section>
          ) : (
            <p className="muted" data-testid="disagreement-none">
              {t('teams.none')}
            </p>
          )}
        </>
      )}
    </div>
  );
}

const view: ViewDef = { id: 'agreement', titleKey: 'teams.tab', order: 55, component: AgreementView };
export default view;
