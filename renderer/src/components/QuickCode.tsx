/**
 * The quick-code box (Q or Ctrl+Q): type a few letters of any part of a code's path, recently
 * used codes come first. Enter applies the highlighted code and closes; Ctrl+Enter or Space on
 * a checked list ticks several codes and applies them together; Ctrl+N creates a new code
 * from the typed text (path "A/B" makes levels as needed) and applies it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';

export function rankCodes(codes: Code[], query: string, recent: number[], lang: string): Code[] {
  const q = query.trim().toLocaleLowerCase(lang);
  const recentRank = new Map(recent.map((id, i) => [id, i]));
  const scored: { c: Code; score: number }[] = [];
  for (const c of codes) {
    const path = c.path.toLocaleLowerCase(lang);
    const name = c.name.toLocaleLowerCase(lang);
    let score: number;
    if (!q) score = 0;
    else if (name.startsWith(q)) score = 0;
    else if (name.includes(q)) score = 1;
    else if (q.split(/\s+/).every((w) => path.includes(w))) score = 2;
    else continue;
    const r = recentRank.get(c.id);
    scored.push({ c, score: score * 100 + (r === undefined ? 50 : r) });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.c);
}

/** Creates the missing levels of "A/B/C" (a literal "/" in a name is written "\\/") and returns the leaf's id. */
export async function createCodeAtPath(codes: Code[], path: string): Promise<number> {
  const names = path.split(/(?<!\\)\//).map((s) => s.replace(/\\\//g, '/').trim()).filter(Boolean);
  let parentId: number | null = null;
  for (const name of names) {
    const found: Code | undefined = codes.find((c) => c.parentId === parentId && c.name === name);
    parentId = found ? found.id : (await api.call('codes.create', { name, parentId })).id;
  }
  if (parentId === null) throw new Error(path);
  return parentId;
}

export function QuickCode() {
  const { t, i18n } = useTranslation();
  const target = useCoding((s) => s.quickCode);
  const close = useCoding((s) => s.closeQuickCode);
  const applyCodes = useCoding((s) => s.applyCodes);
  const recent = useCoding((s) => s.recent);
  const pending = useCoding((s) => s.pending);
  const codes = useApp((s) => s.codes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState<number[]>([]);
  const listRef = useRef<HTMLUListElement>(null);

  // Another target starts with an empty search (adjusted while rendering, as React advises, rather than in an effect).
  const [shownTarget, setShownTarget] = useState(target);
  if (shownTarget !== target) {
    setShownTarget(target);
    setQuery('');
    setActive(0);
    setChecked([]);
  }

  const shown = useMemo(() => rankCodes(codes, query, recent, i18n.language).slice(0, 60), [codes, query, recent, i18n.language]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // Escape closes the box whatever has focus (the "nothing selected" message has no field).
  useEffect(() => {
    if (!target) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, close]);

  if (!target) return null;
  const nothingToCode = target.kind === 'selection' && !pending;

  const apply = async (ids: number[]): Promise<void> => {
    if (ids.length === 0) return;
    close();
    await applyCodes(ids, target);
  };
  const createAndApply = async (): Promise<void> => {
    const path = query.trim();
    if (!path) return;
    const id = await useCoding.getState().run(() => createCodeAtPath(useApp.getState().codes, path));
    if (id) await apply([id]);
  };

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={close}>
      <div className="dialog quick-code" role="dialog" aria-modal="true" aria-labelledby="quick-code-title" onMouseDown={(e) => e.stopPropagation()} data-testid="quick-code">
        <h3 id="quick-code-title">{t(`coding.quick.title.${target.kind}`)}</h3>
        {nothingToCode ? (
          <>
            <p className="muted">{t('coding.quick.nothing')}</p>
            <div className="dialog-buttons">
              <button type="button" autoFocus onClick={close} data-testid="quick-code-close">{t('errors.dismiss')}</button>
            </div>
          </>
        ) : (
          <>
            <input
              autoFocus
              role="combobox"
              aria-expanded="true"
              aria-controls="quick-code-list"
              aria-activedescendant={shown[active] ? `qc-${shown[active]!.id}` : undefined}
              placeholder={t('coding.quick.placeholder')}
              value={query}
              data-testid="quick-code-input"
              onChange={(e) => (setQuery(e.target.value), setActive(0))}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(shown.length - 1, a + 1)); }
                else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
                else if (e.key === 'Escape') close();
                else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && shown[active]) {
                  e.preventDefault();
                  const id = shown[active]!.id;
                  setChecked((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  if (checked.length) void apply(checked);
                  else if (shown[active]) void apply([shown[active]!.id]);
                  else void createAndApply();
                } else if (e.key === 'n' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void createAndApply();
                }
              }}
            />
            <ul className="quick-list" role="listbox" id="quick-code-list" ref={listRef} aria-multiselectable="true">
              {shown.map((c, i) => (
                <li
                  key={c.id}
                  id={`qc-${c.id}`}
                  role="option"
                  aria-selected={i === active}
                  aria-checked={checked.includes(c.id)}
                  className={`${i === active ? 'active' : ''} ${checked.includes(c.id) ? 'checked' : ''}`}
                  onMouseEnter={() => setActive(i)}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey) setChecked((x) => (x.includes(c.id) ? x.filter((y) => y !== c.id) : [...x, c.id]));
                    else void apply(checked.length ? [...new Set([...checked, c.id])] : [c.id]);
                  }}
                  data-testid="quick-code-option"
                >
                  <span className="swatch" style={{ background: c.color }} aria-hidden />
                  <span className="qc-name">{c.name}</span>
                  <span className="qc-path">{c.path.includes('/') ? c.path.slice(0, c.path.lastIndexOf('/')) : ''}</span>
                  {recent.includes(c.id) && <span className="chip">{t('coding.quick.recent')}</span>}
                  {checked.includes(c.id) && <span aria-hidden>✓</span>}
                </li>
              ))}
              {shown.length === 0 && query.trim() && <li className="muted">{t('coding.quick.none', { name: query.trim() })}</li>}
            </ul>
            <p className="muted hint">{t('coding.quick.hint')}</p>
          </>
        )}
      </div>
    </div>
  );
}
