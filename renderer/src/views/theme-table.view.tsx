/**
 * The theme-table builder ("Tabeller"): pick a layout, tick and order the codes, show a
 * section's second level as columns or bullets, choose counts, example quotations and a
 * filter, and see the table live as it will print (the same HTML as the export); then export
 * DOCX/HTML/Markdown or copy it to the clipboard for Word.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import type { CountMode, ThemeTable, ThemeTableLayout } from '../../../shared/contract/tables';
import { themeTableHtml, noteText } from '../../../shared/tables/theme-table-render';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { defaultTableOptions, useTables } from '../store/tables-store';
import { copyHtml, downloadExport } from '../tables/download';
import { FilterChips } from '../tables/FilterChips';
import type { EditorItem, EditorModel } from '../tables/layout-editor';
import { layoutFromModel, modelFromLayout, move, updateAt } from '../tables/layout-editor';
import type { ViewDef } from './registry';
import '../tables/tables.css';
import { DrillPanel } from '../tables/DrillPanel';
import type { DrillRequest } from '../../../shared/contract/drill';

const COUNT_MODES: CountMode[] = ['none', 'quotes', 'docs', 'k-of-n'];

function ItemRows({ items, at, onChange }: { items: EditorItem[]; at: number[]; onChange: (fn: (m: EditorModel) => EditorModel) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="tt-items">
      {items.map((it, i) => {
        const here = [...at, i];
        return (
          <li key={it.path} className={it.shown ? '' : 'tt-hidden'}>
            <div className="tt-row">
              <input
                type="checkbox"
                aria-label={`${t('tables.show')}: ${it.name}`}
                checked={it.shown}
                onChange={(e) => onChange((m) => updateAt(m, here, (x) => void (x.shown = e.target.checked)))}
              />
              <span className="tt-name" title={it.path}>{it.name}</span>
              <button type="button" className="tt-icon" title={t('tables.up')} aria-label={`${t('tables.up')}: ${it.name}`} disabled={i === 0} onClick={() => onChange((m) => move(m, here, -1))}>↑</button>
              <button type="button" className="tt-icon" title={t('tables.down')} aria-label={`${t('tables.down')}: ${it.name}`} disabled={i === items.length - 1} onClick={() => onChange((m) => move(m, here, 1))}>↓</button>
            </div>
            {it.shown && it.children.length > 0 && <ItemRows items={it.children} at={here} onChange={onChange} />}
          </li>
        );
      })}
    </ul>
  );
}

function ThemeTableView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('sv') ? 'sv' : 'en';
  const codes = useApp((s) => s.codes);
  const info = useApp((s) => s.info);
  const setError = useApp((s) => s.setError);
  const { layouts, layoutName, model, options, set, setOptions } = useTables();
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [table, setTable] = useState<ThemeTable | null>(null);
  const [saveName, setSaveName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const previewSeq = useRef(0);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  // Bumped when typical quotes change, so the preview prints the new examples.
  const [pinsVersion, setPinsVersion] = useState(0);

  // Reads the chosen layout, model and codes when it runs (not from this render), so the
  // effect below can call it on a project or code-count change without running on every edit.
  const loadLayouts = useCallback(async (select?: string): Promise<void> => {
    const list = await api.call('tables.layouts', {});
    const { layoutName, model } = useTables.getState();
    const codes = useApp.getState().codes;
    const name = select ?? layoutName ?? (list.find((l) => l.source === 'project') ?? list.find((l) => l.source === 'bundled') ?? list[0])?.name ?? null;
    const chosen = list.find((l) => l.name === name) ?? list[0];
    set({ layouts: list, layoutName: chosen?.name ?? null, ...(chosen && (select !== undefined || !model) ? { model: modelFromLayout(codes, chosen.spec), options: { ...defaultTableOptions(lang), ...(chosen.spec.options ?? {}) } } : {}) });
  }, [set, lang]);

  const file = info?.file;
  const codeCount = codes.length;
  useEffect(() => {
    if (!file) return;
    loadLayouts().catch((e: unknown) => setError(String((e as Error).message ?? e)));
    api.call('attributes.list', { scope: 'document' }).then(setAttributes, () => setAttributes([]));
    api.call('groups.list', {}).then(setGroups, () => setGroups([]));
  }, [file, codeCount, loadLayouts, setError]);

  // The code tree changed (codes added, renamed, moved): keep the user's choices, show the tree as it is now.
  useEffect(() => {
    const m = useTables.getState().model;
    if (m) set({ model: modelFromLayout(codes, layoutFromModel(m) as ThemeTableLayout) });
  }, [codes, set]);

  const spec = useMemo(() => (model ? layoutFromModel(model) : null), [model]);

  // Live preview: recomputed shortly after the last change.
  useEffect(() => {
    if (!spec) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const seq = ++previewSeq.current;
      api
        .call('tables.themeTable', { spec, options: { ...options, language: lang } })
        .then((tt) => seq === previewSeq.current && setTable(tt))
        .catch((e: unknown) => setError((e as Error).message));
    }, 120);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [spec, options, lang, setError, info?.contentVersion, pinsVersion]);

  const change = (fn: (m: EditorModel) => EditorModel): void => {
    if (model) set({ model: fn(model) });
  };
  const request = () => ({ spec: spec!, options: { ...options, language: lang } as const });

  const exportAs = async (format: 'docx' | 'html' | 'md'): Promise<void> => {
    try {
      downloadExport(await api.call('tables.exportThemeTable', { ...request(), format }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const copy = async (): Promise<void> => {
    try {
      const c = await api.call('tables.clipboard', request());
      await copyHtml(c.html, c.text);
      setNotice(t('tables.copied'));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const save = async (): Promise<void> => {
    const name = saveName.trim();
    if (!name || !model) return;
    try {
      await api.call('tables.saveLayout', { name, spec: layoutFromModel(model, options) });
      setSaveName('');
      setNotice(t('tables.saved'));
      await loadLayouts(name);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async (): Promise<void> => {
    if (!layoutName) return;
    await api.call('tables.deleteLayout', { name: layoutName });
    set({ layoutName: null, model: null });
    await loadLayouts(layouts.find((l) => l.source !== 'project')?.name);
  };

  const current = layouts.find((l) => l.name === layoutName);
  const html = useMemo(() => (table ? themeTableHtml(table, { interactive: true }) : ''), [table]);
  // A count in the preview opens the quotations behind it (the links carry the code id).
  const onPreviewClick = (e: React.MouseEvent): void => {
    const a = (e.target as HTMLElement).closest('a.rt-count');
    if (!a || !spec) return;
    e.preventDefault();
    setDrill({ from: 'theme', request: request(), codeId: Number(a.getAttribute('data-code-id')) });
  };

  if (!info) return <p className="empty">{t('app.noProject')}</p>;
  return (
    <div className={`tt-view${drill ? ' with-drill' : ''}`}>
      <aside className="tt-panel" aria-label={t('tables.tab')}>
        <section>
          <label className="tt-field">
            <span>{t('tables.layout')}</span>
            <select
              data-testid="layout-select"
              value={layoutName ?? ''}
              onChange={(e) => {
                const l = layouts.find((x) => x.name === e.target.value);
                if (l) set({ layoutName: l.name, model: modelFromLayout(codes, l.spec), options: { ...defaultTableOptions(lang), ...(l.spec.options ?? {}) } });
              }}
            >
              {layouts.map((l) => (
                <option key={`${l.source}:${l.name}`} value={l.name}>
                  {l.source === 'tree' ? t('tables.treeLayout') : `${l.source === 'bundled' && l.spec.caption ? l.spec.caption : l.name} (${t(`tables.layoutSource.${l.source}`)})`}
                </option>
              ))}
            </select>
          </label>
          <div className="tt-save">
            <input value={saveName} placeholder={t('tables.saveAs')} aria-label={t('tables.saveAs')} onChange={(e) => setSaveName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} />
            <button type="button" onClick={() => void save()} disabled={!saveName.trim()}>{t('tables.save')}</button>
            {current?.source === 'project' && <button type="button" onClick={() => void remove()}>{t('tables.delete')}</button>}
          </div>
          <label className="tt-field">
            <span>{t('tables.caption')}</span>
            <input value={model?.caption ?? ''} onChange={(e) => change((m) => ({ ...m, caption: e.target.value }))} />
          </label>
        </section>

        <section>
          <h3>{t('tables.codes')}</h3>
          {model?.sections.map((s, i) => (
            <div key={s.path} className={`tt-section ${s.shown ? '' : 'tt-hidden'}`}>
              <div className="tt-row tt-section-row">
                <input type="checkbox" aria-label={`${t('tables.show')}: ${s.name}`} checked={s.shown} onChange={(e) => change((m) => updateAt(m, [i], (x) => void (x.shown = e.target.checked)))} />
                <span className="tt-name" title={s.path}>{s.name}</span>
                <button type="button" className="tt-icon" title={t('tables.up')} aria-label={`${t('tables.up')}: ${s.name}`} disabled={i === 0} onClick={() => change((m) => move(m, [i], -1))}>↑</button>
                <button type="button" className="tt-icon" title={t('tables.down')} aria-label={`${t('tables.down')}: ${s.name}`} disabled={i === model.sections.length - 1} onClick={() => change((m) => move(m, [i], 1))}>↓</button>
              </div>
              {s.shown && (
                <>
                  <div className="tt-segmented" role="radiogroup" aria-label={`${t('tables.columnsHint')}: ${s.name}`} title={t('tables.columnsHint')}>
                    <button type="button" role="radio" aria-checked={!s.columns} className={!s.columns ? 'on' : ''} onClick={() => change((m) => ({ ...m, sections: m.sections.map((x, j) => (j === i ? { ...x, columns: false } : x)) }))}>
                      ▪ {t('tables.asBullets')}
                    </button>
                    <button type="button" role="radio" aria-checked={s.columns} className={s.columns ? 'on' : ''} onClick={() => change((m) => ({ ...m, sections: m.sections.map((x, j) => (j === i ? { ...x, columns: true } : x)) }))}>
                      ▥ {t('tables.asColumns')}
                    </button>
                  </div>
                  <ItemRows items={s.children} at={[i]} onChange={change} />
                </>
              )}
            </div>
          ))}
        </section>

        <section>
          <h3>{t('tables.options')}</h3>
          <label className="tt-field">
            <span>{t('tables.counts')}</span>
            <select value={options.counts} onChange={(e) => setOptions({ counts: e.target.value as CountMode })}>
              {COUNT_MODES.map((c) => <option key={c} value={c}>{t(`tables.countsMode.${c}`)}</option>)}
            </select>
          </label>
          <label className="tt-field">
            <span>{t('tables.quotes')}</span>
            <input type="number" min={0} max={5} value={options.quotes} onChange={(e) => setOptions({ quotes: Math.max(0, Math.min(5, Number(e.target.value) || 0)) })} />
          </label>
          <label className="tt-field">
            <span>{t('tables.source')}</span>
            <input value={options.sourceTemplate} title={t('tables.sourceHint')} onChange={(e) => setOptions({ sourceTemplate: e.target.value })} />
            <small className="muted">{t('tables.sourceHint')}</small>
          </label>
          <label className="tt-check">
            <input type="checkbox" checked={options.landscape} onChange={(e) => setOptions({ landscape: e.target.checked })} /> {t('tables.landscape')}
          </label>
        </section>

        <section>
          <h3>{t('tables.filter')}</h3>
          <FilterChips filter={options.filter} onChange={(f) => setOptions({ filter: f })} attributes={attributes} groups={groups} />
        </section>
      </aside>

      <div className="tt-main">
        <div className="tt-toolbar">
          <span className="tt-toolbar-title">{t('tables.preview')}</span>
          <span className="spacer" />
          <span className="muted">{t('tables.export')}:</span>
          <button type="button" onClick={() => void exportAs('docx')} disabled={!table?.sections.length}>DOCX</button>
          <button type="button" onClick={() => void exportAs('html')} disabled={!table?.sections.length}>HTML</button>
          <button type="button" onClick={() => void exportAs('md')} disabled={!table?.sections.length}>Markdown</button>
          <button type="button" className="primary" onClick={() => void copy()} disabled={!table?.sections.length}>{t('tables.copy')}</button>
        </div>
        {notice && (
          <div className="tt-notice" role="status">
            {notice} <button type="button" className="link" onClick={() => setNotice(null)}>×</button>
          </div>
        )}
        <div className="tt-paper-wrap">
          <div className={`tt-paper ${options.landscape ? 'landscape' : ''}`} data-testid="theme-table-preview">
            {table && table.sections.length === 0 && <p className="empty">{t('tables.noSections')}</p>}
            {table && table.missing.length > 0 && <p className="muted">{t('tables.missing', { paths: table.missing.join(', ') })}</p>}
            <div onClick={onPreviewClick} dangerouslySetInnerHTML={{ __html: html }} />
            {table && table.options.counts !== 'none' && <p className="tt-note">{noteText(table)}</p>}
          </div>
        </div>
      </div>
      <DrillPanel request={drill} onClose={() => setDrill(null)} onChanged={() => setPinsVersion((v) => v + 1)} />
    </div>
  );
}

const view: ViewDef = { id: 'theme-table', titleKey: 'tables.tab', order: 50, shortcutKey: '7', component: ThemeTableView };
export default view;
