/**
 * Search: a query box with syntax help, keyword-in-context lines (hit highlighted, document,
 * speaker, attributes), counts per document and per attribute value, a click opens the
 * document at the hit, and selected hits are coded in one step with a chosen code and unit.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/contract/search';
import { CodeField } from '../components/CodeField';
import { VirtualList } from '../components/VirtualList';
import { DocumentLanguages } from '../search/DocumentLanguages';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { hitKey, useSearch, type Expansion } from '../store/search-store';
import { useView } from '../store/view-store';
import { collator, formatNumber } from '../util/format';
import type { ViewDef } from './registry';
import '../search/search.css';

const HELP: [string, string][] = [
  ['arbetsbelastning', 'word'],
  ['social*', 'prefix'],
  ['handläggare~1', 'fuzzy'],
  ['"fasta tjänster"', 'phrase'],
  ['+sekretess -tystnadsplikt', 'plusMinus'],
  ['speaker:CS  kind:fieldnote  grupp:chef', 'fields'],
];

export async function openHit(h: Pick<SearchHit, 'documentId' | 'start' | 'end'>): Promise<void> {
  useView.getState().show('document');
  const coding = useCoding.getState();
  await coding.jumpTo({ documentId: h.documentId, start: h.start, end: h.end });
  // The pending selection is how the document view highlights a range (and it can be coded at once).
  coding.setPending({ documentId: h.documentId, start: h.start, end: h.end });
}

function SearchView() {
  const { t, i18n } = useTranslation();
  const s = useSearch();
  const codes = useApp((x) => x.codes);
  const documents = useApp((x) => x.documents);
  const [helpOpen, setHelpOpen] = useState(false);
  const [languagesOpen, setLanguagesOpen] = useState(false);
  useEffect(() => {
    void useSearch.getState().warm();
  }, []);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language;
  const r = s.result;
  const attrGroups = useMemo(() => {
    const m = new Map<string, { value: string; hits: number; documents: number }[]>();
    for (const a of r?.perAttribute ?? []) m.set(a.attribute, [...(m.get(a.attribute) ?? []), a]);
    for (const list of m.values()) list.sort((x, y) => collator(lang).compare(x.value, y.value));
    return [...m];
  }, [r, lang]);

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    setNotice(null);
    void s.run();
  };
  const code = async (): Promise<void> => {
    const res = await s.codeSelected();
    if (res) setNotice(t('search.coded', { created: res.created, linked: res.linked, code: codes.find((c) => c.id === res.codeId)?.path ?? s.code.text }));
  };

  return (
    <section className="panel search-view" aria-label={t('search.tab')}>
      <form className="search-bar" onSubmit={submit} role="search">
        <div className="search-row">
          <input
            type="search"
            className="search-input"
            data-testid="search-input"
            value={s.query}
            placeholder={t('search.placeholder')}
            aria-label={t('search.placeholder')}
            onChange={(e) => s.setQuery(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="search-run" disabled={s.busy}>
            {t('search.run')}
          </button>
        </div>
        <div className="search-row options">
          <button type="button" className="link-button" aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}>
            {helpOpen ? '▾' : '▸'} {t('search.help')}
          </button>
          <button type="button" className="link-button" aria-expanded={languagesOpen} onClick={() => setLanguagesOpen(!languagesOpen)} data-testid="doc-languages-toggle">
            {languagesOpen ? '▾' : '▸'} {t('search.docLanguages')}
          </button>
          <span className="spacer" />
          <label className="search-option checkbox" title={t('search.compoundsHint')}>
            <input type="checkbox" checked={s.compounds} onChange={(e) => s.setCompounds(e.target.checked)} data-testid="search-compounds" />
            {t('search.compounds')}
          </label>
          <label className="search-option checkbox" title={t('search.excludeInterviewerHint')}>
            <input type="checkbox" checked={s.excludeInterviewer} onChange={(e) => s.setExcludeInterviewer(e.target.checked)} data-testid="search-exclude-interviewer" />
            {t('search.excludeInterviewer')}
          </label>
          <label className="search-option">
            {t('search.sort')}
            <select value={s.sort} onChange={(e) => s.setSort(e.target.value as 'document' | 'relevance')}>
              <option value="document">{t('search.sortDocument')}</option>
              <option value="relevance">{t('search.sortRelevance')}</option>
            </select>
          </label>
          <label className="search-option">
            {t('search.lang')}
            <select value={s.lang} onChange={(e) => s.setLang(e.target.value as 'auto' | 'sv' | 'en')}>
              <option value="auto">{t('search.langAuto')}</option>
              <option value="sv">{t('search.langSv')}</option>
              <option value="en">{t('search.langEn')}</option>
            </select>
          </label>
        </div>
      </form>
      {helpOpen && (
        <dl className="search-help" data-testid="search-help">
          {HELP.map(([example, key]) => (
            <div key={key}>
              <dt><code>{example}</code></dt>
              <dd>{t(`search.helpRows.${key}`)}</dd>
            </div>
          ))}
        </dl>
      )}
      {languagesOpen && <DocumentLanguages />}
      {r && (
        <div className="search-summary" data-testid="search-summary">
          <strong>
            {r.total === null
              ? t('search.hits', { count: r.hits.length, formattedCount: `${formatNumber(r.hits.length, lang)}+` })
              : t('search.hits', { count: r.total, formattedCount: formatNumber(r.total, lang) })}
          </strong>
          <span>{t('search.inDocuments', { n: r.perDocument.length, total: documents.length })}</span>
          {r.more && <span className="muted">{t('search.shown', { n: formatNumber(r.hits.length, lang) })}</span>}
          <span className="muted">{t('search.ms', { ms: formatNumber(r.ms, lang, r.ms < 10 ? 1 : 0) })}</span>
          {r.ignored.length > 0 && <span className="muted">{t('search.ignored', { words: r.ignored.join(', ') })}</span>}
        </div>
      )}
      {r && (r.forms.length > 1 || s.excludeForms.length > 0) && (
        <div className="search-forms" role="group" aria-label={t('search.forms')} data-testid="search-forms">
          <span className="muted" title={t('search.formsHint')}>{t('search.forms')}:</span>
          {[...r.forms, ...s.excludeForms.filter((f) => !r.forms.some((x) => x.form === f)).map((form) => ({ form, hits: 0 }))].map((f) => {
            const on = !s.excludeForms.includes(f.form);
            return (
              <label key={f.form} className={`form-chip ${on ? '' : 'off'}`} data-testid="search-form">
                <input type="checkbox" checked={on} onChange={() => s.toggleForm(f.form)} />
                <span>{f.form}</span>
                {on && <span className="form-count">{formatNumber(f.hits, lang)}</span>}
              </label>
            );
          })}
        </div>
      )}
      <div className="search-body">
        <div className="search-results">
          {s.busy && !r && <p className="empty">{t('search.indexing')}</p>}
          {!r && !s.busy && <p className="empty">{t('search.start')}</p>}
          {r && r.hits.length === 0 && <p className="empty">{t('search.none')}</p>}
          {r && r.hits.length > 0 && (
            <VirtualList
              items={r.hits}
              ariaLabel={t('search.tab')}
              className="kwic-list"
              estimateSize={() => 46}
              getKey={hitKey}
              render={(h) => (
                <div className={`kwic-row ${s.selected.has(hitKey(h)) ? 'selected' : ''}`} data-testid="kwic-row">
                  <input type="checkbox" aria-label={`${h.documentName} ${h.match}`} checked={s.selected.has(hitKey(h))} onChange={() => s.toggle(h)} data-testid="kwic-select" />
                  <button type="button" className="kwic-line" title={t('search.open')} onClick={() => void openHit(h)} data-testid="kwic-open">
                    <span className="kwic-before">{h.before}</span>
                    <mark className="kwic-match">{h.match}</mark>
                    <span className="kwic-after">{h.after}</span>
                  </button>
                  <div className="kwic-meta">
                    <span className="kwic-doc">{h.documentName}</span>
                    {h.speaker && <span className="kwic-speaker">{h.speaker}</span>}
                    {Object.entries(h.attributes).slice(0, 3).map(([k, v]) => (
                      <span key={k} className="chip" title={k}>{v}</span>
                    ))}
                  </div>
                </div>
              )}
            />
          )}
        </div>
        {r && r.perDocument.length > 0 && (
          <aside className="search-counts" aria-label={t('search.perDocument')}>
            <h3>{t('search.perDocument')}</h3>
            <table className="count-table" data-testid="search-per-document">
              <tbody>
                {r.perDocument.map((d) => (
                  <tr key={d.documentId}>
                    <td className="count-name">{d.documentName}</td>
                    <td className="num">{formatNumber(d.hits, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('search.perAttribute')}</h3>
            {attrGroups.map(([name, values]) => (
              <table key={name} className="count-table">
                <caption>{name}</caption>
                <tbody>
                  {values.map((v) => (
                    <tr key={v.value}>
                      <td className="count-name">{v.value}</td>
                      <td className="num">{formatNumber(v.hits, lang)}</td>
                      <td className="num muted">{t('search.docsShort', { n: formatNumber(v.documents, lang) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </aside>
        )}
      </div>
      {r && r.hits.length > 0 && (
        <footer className="search-code-bar">
          <label className="search-option">
            <input
              type="checkbox"
              aria-label={t('search.selectAll')}
              title={t('search.selectAll')}
              checked={s.selected.size > 0 && s.selected.size === r.hits.length}
              ref={(el) => {
                if (el) el.indeterminate = s.selected.size > 0 && s.selected.size < r.hits.length;
              }}
              onChange={(e) => s.selectAll(e.target.checked)}
              data-testid="search-select-all"
            />
            <span data-testid="search-selected">{t('search.selected', { n: s.selected.size })}</span>
          </label>
          <span className="spacer" />
          <label className="search-option">
            {t('search.code')}
            <CodeField value={s.code} onChange={s.setCode} testId="search-code" />
          </label>
          <label className="search-option">
            {t('search.expand')}
            <select value={s.expand} onChange={(e) => s.setExpand(e.target.value as Expansion)} data-testid="search-expand">
              <option value="word">{t('search.expandWord')}</option>
              <option value="sentence">{t('search.expandSentence')}</option>
              <option value="paragraph">{t('search.expandParagraph')}</option>
              <option value="turn">{t('search.expandTurn')}</option>
            </select>
          </label>
          <button type="button" className="primary" disabled={s.selected.size === 0 || !s.code.text.trim()} onClick={() => void code()} data-testid="search-code-selected">
            {t('search.codeSelected')}
          </button>
          {notice && <span className="search-notice" role="status">{notice}</span>}
        </footer>
      )}
    </section>
  );
}

const view: ViewDef = { id: 'search', titleKey: 'search.tab', order: 40, shortcutKey: '5', component: SearchView };
export default view;
