/**
 * The code tree: hierarchy with expand/collapse, colours, counts (quotations and documents,
 * alone and with sub-codes), filter, and every edit: create, rename (F2), recolour, define,
 * move (drag and drop, Alt+arrows), merge (drop with Alt held, or the Merge dialog), split,
 * delete with confirmation, load a bundled codebook. A code dragged onto the document codes
 * the selection there; Enter applies the focused code to the selection or quotation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract';
import type { CodeNode } from '../../../shared/contract/coding';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { formatNumber } from '../util/format';
import { CodeDialogs, type CodeDialog } from './CodeDialogs';
import { VirtualList } from './VirtualList';

export const CODE_MIME = 'application/x-rodtrad-code';

/** Dropping on a row's upper or lower edge places the code before or after it; on its middle, inside it. */
type DropWhere = 'before' | 'into' | 'after';
function dropWhere(e: React.DragEvent): DropWhere {
  const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
  const y = (e.clientY - r.top) / r.height;
  return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'into';
}

/** Rows to show: filter matches with their ancestors, children of collapsed codes hidden. */
function visibleCodes(codes: Code[], filter: string, collapsed: Set<number>, lang: string): Code[] {
  const f = filter.trim().toLocaleLowerCase(lang);
  const byId = new Map(codes.map((c) => [c.id, c]));
  let list = codes;
  if (f) {
    const keep = new Set<number>();
    for (const c of codes) {
      if (!c.name.toLocaleLowerCase(lang).includes(f) && !(c.definition ?? '').toLocaleLowerCase(lang).includes(f)) continue;
      for (let x: Code | undefined = c; x; x = x.parentId ? byId.get(x.parentId) : undefined) keep.add(x.id);
    }
    return codes.filter((c) => keep.has(c.id));
  }
  if (collapsed.size) {
    list = codes.filter((c) => {
      for (let p = c.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (collapsed.has(p)) return false;
      return true;
    });
  }
  return list;
}

export function CodeTree() {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [focusChoice, setFocusId] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [dialog, setDialog] = useState<CodeDialog | null>(null);
  const [dropTarget, setDropTarget] = useState<{ id: number; where: DropWhere } | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const treeRef = useRef<HTMLDivElement>(null);
  const pointerFocus = useRef(false);
  const { run, applyCodes } = useCoding.getState();

  const hasChildren = useMemo(() => new Set(codes.map((c) => c.parentId).filter((x): x is number => x !== null)), [codes]);
  const shown = useMemo(() => visibleCodes(codes, filter, collapsed, i18n.language), [codes, filter, collapsed, i18n.language]);
  const focused = codes.find((c) => c.id === focusChoice) as CodeNode | undefined;
  // A focused code that was deleted or merged away is no longer focused.
  const focusId = focused ? focusChoice : null;

  const toggle = (id: number, open?: boolean): void => {
    setCollapsed((s) => {
      const n = new Set(s);
      const isOpen = !n.has(id);
      if (open ?? !isOpen) n.delete(id);
      else n.add(id);
      return n;
    });
  };

  const siblings = (c: Code): Code[] => codes.filter((x) => x.parentId === c.parentId);
  const move = async (c: Code, parentId: number | null, position: number): Promise<void> => {
    await run(() => api.call('codes.move', { id: c.id, parentId, position: Math.max(0, position) }));
  };
  const moveByKey = (c: Code, key: string): void => {
    const sib = siblings(c);
    const i = sib.findIndex((x) => x.id === c.id);
    if (key === 'ArrowUp' && i > 0) void move(c, c.parentId, i - 1);
    if (key === 'ArrowDown' && i < sib.length - 1) void move(c, c.parentId, i + 1);
    if (key === 'ArrowRight' && i > 0) {
      const newParent = sib[i - 1]!;
      void move(c, newParent.id, codes.filter((x) => x.parentId === newParent.id).length);
      toggle(newParent.id, true);
    }
    if (key === 'ArrowLeft' && c.parentId !== null) {
      const parent = codes.find((x) => x.id === c.parentId)!;
      void move(c, parent.parentId, siblings(parent).findIndex((x) => x.id === parent.id) + 1);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const i = shown.findIndex((c) => c.id === focusId);
    const c = shown[i];
    if (e.altKey && c && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
      e.preventDefault();
      moveByKey(c, e.key);
      return;
    }
    if (e.key === 'ArrowDown') { e.preventDefault(); setFocusId(shown[Math.min(shown.length - 1, i + 1)]?.id ?? null); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setFocusId(shown[Math.max(0, i - 1)]?.id ?? null); }
    else if (e.key === 'Home') { e.preventDefault(); setFocusId(shown[0]?.id ?? null); }
    else if (e.key === 'End') { e.preventDefault(); setFocusId(shown[shown.length - 1]?.id ?? null); }
    else if (!c) return;
    else if (e.key === 'ArrowRight') {
      e.preventDefault();
      if (hasChildren.has(c.id) && collapsed.has(c.id)) toggle(c.id, true);
      else if (hasChildren.has(c.id)) setFocusId(shown[i + 1]?.id ?? c.id);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (hasChildren.has(c.id) && !collapsed.has(c.id)) toggle(c.id, false);
      else if (c.parentId !== null) setFocusId(c.parentId);
    } else if (e.key === 'F2') { e.preventDefault(); setRenaming(c.id); }
    else if (e.key === 'Delete') { e.preventDefault(); setDialog({ kind: 'delete', code: c }); }
    else if (e.key === 'Enter') { e.preventDefault(); void applyCodes([c.id]); }
    else if (e.key === 'Insert' || (e.key === 'n' && !e.ctrlKey && !e.metaKey)) { e.preventDefault(); setDialog({ kind: 'create', parent: c }); }
  };

  const onDrop = (e: React.DragEvent, target: Code | null, where: DropWhere = 'into'): void => {
    const id = Number(e.dataTransfer.getData(CODE_MIME));
    setDropTarget(null);
    if (!id || id === target?.id) return;
    e.preventDefault();
    e.stopPropagation();
    const c = codes.find((x) => x.id === id);
    if (!c) return;
    if (target && e.altKey) {
      setDialog({ kind: 'merge', code: c, target });
      return;
    }
    const parentId = where === 'into' ? (target?.id ?? null) : (target?.parentId ?? null);
    // A code cannot move into its own subtree.
    for (let p: number | null = parentId; p !== null; p = codes.find((x) => x.id === p)?.parentId ?? null) if (p === id) return;
    const others = codes.filter((x) => x.parentId === parentId && x.id !== id);
    const at = where === 'into' || !target ? others.length : others.findIndex((x) => x.id === target.id) + (where === 'after' ? 1 : 0);
    void move(c, parentId, at);
    if (target && where === 'into') toggle(target.id, true);
  };

  const loadBook = async (id: string): Promise<void> => {
    setMenuOpen(false);
    await run(() => api.call('codebooks.load', { id, language: i18n.language === 'en' ? 'en' : 'sv' }));
  };

  return (
    <section className="panel codes-panel" aria-labelledby="codes-title">
      <header className="panel-header" onDragOver={(e) => e.dataTransfer.types.includes(CODE_MIME) && e.preventDefault()} onDrop={(e) => onDrop(e, null)}>
        <h2 id="codes-title">{t('codes.title')}</h2>
        <span className="muted">{codes.length}</span>
      </header>
      <div className="tree-toolbar" role="toolbar" aria-label={t('coding.tree.toolbar')}>
        <button type="button" className="small-button" onClick={() => setDialog({ kind: 'create', parent: null })} data-testid="new-code">
          {t('coding.tree.new')}
        </button>
        <button type="button" className="small-button" disabled={!focused} onClick={() => focused && setDialog({ kind: 'create', parent: focused })}>
          {t('coding.tree.newSub')}
        </button>
        <button type="button" className="small-button" disabled={!focused} onClick={() => focused && setDialog({ kind: 'merge', code: focused, target: null })} data-testid="merge-code">
          {t('coding.tree.merge')}
        </button>
        <div className="menu-wrap">
          <button type="button" className="small-button" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)} data-testid="codebook-menu">
            {t('coding.tree.more')} ▾
          </button>
          {menuOpen && <CodebookMenu onLoad={(id) => void loadBook(id)} onClose={() => setMenuOpen(false)} />}
        </div>
      </div>
      <input className="filter" type="search" placeholder={t('codes.filter')} aria-label={t('codes.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="code-filter" />
      {shown.length === 0 ? (
        <p className="empty">{t('codes.empty')}</p>
      ) : (
        <div
          className="list-keys"
          ref={treeRef}
          tabIndex={0}
          role="tree"
          aria-label={t('codes.title')}
          aria-activedescendant={focusId !== null ? `code-${focusId}` : undefined}
          onKeyDown={onKeyDown}
          onMouseDown={() => (pointerFocus.current = true)}
          onFocus={() => {
            // Keyboard focus lands on the first code; a click focuses the code clicked (set by the row).
            if (!pointerFocus.current && focusId === null && shown[0]) setFocusId(shown[0].id);
            pointerFocus.current = false;
          }}
        >
          <VirtualList
            items={shown}
            ariaLabel={t('codes.title')}
            role="presentation"
            estimateSize={() => 28}
            getKey={(c) => c.id}
            render={(c) => {
              const kids = hasChildren.has(c.id);
              const open = !collapsed.has(c.id) || filter.trim() !== '';
              return (
                <div
                  id={`code-${c.id}`}
                  className={`code-row ${c.id === focusId ? 'focused' : ''} ${dropTarget?.id === c.id ? `drop-${dropTarget.where}` : ''}`}
                  role="treeitem"
                  aria-level={c.depth + 1}
                  aria-expanded={kids ? open : undefined}
                  aria-selected={c.id === focusId}
                  style={{ paddingLeft: 4 + c.depth * 16 }}
                  title={[c.path, c.definition].filter(Boolean).join('\n')}
                  data-testid="code-row"
                  data-code-id={c.id}
                  draggable={renaming !== c.id}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(CODE_MIME, String(c.id));
                    e.dataTransfer.setData('text/plain', c.path);
                    e.dataTransfer.effectAllowed = 'copyMove';
                  }}
                  onDragOver={(e) => {
                    if (!e.dataTransfer.types.includes(CODE_MIME)) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    const where = dropWhere(e);
                    setDropTarget((d) => (d?.id === c.id && d.where === where ? d : { id: c.id, where }));
                  }}
                  onDragLeave={() => setDropTarget((d) => (d?.id === c.id ? null : d))}
                  onDrop={(e) => onDrop(e, c, dropWhere(e))}
                  onClick={() => setFocusId(c.id)}
                  onDoubleClick={() => void applyCodes([c.id])}
                >
                  <button type="button" tabIndex={-1} className="twisty" aria-hidden style={{ visibility: kids ? 'visible' : 'hidden' }} onClick={(e) => (e.stopPropagation(), toggle(c.id))}>
                    {open ? '▾' : '▸'}
                  </button>
                  <label className="swatch-pick" onClick={(e) => e.stopPropagation()} title={t('coding.tree.color')}>
                    <span className="swatch" style={{ background: c.color }} />
                    <input
                      type="color"
                      tabIndex={-1}
                      className="sr-only"
                      aria-label={t('coding.tree.colorOf', { name: c.name })}
                      value={c.color}
                      onChange={(e) => void run(() => api.call('codes.update', { id: c.id, color: e.target.value }))}
                    />
                  </label>
                  {renaming === c.id ? (
                    <RenameInput code={c} onDone={() => (setRenaming(null), treeRef.current?.focus())} />
                  ) : (
                    <span className="code-name">{c.name}</span>
                  )}
                  <span className="count" title={countTitle(c, t)} data-testid="code-count">
                    {formatNumber(kids ? c.quotationsDeep : c.quotations, i18n.language)}
                  </span>
                </div>
              );
            }}
          />
        </div>
      )}
      {focused && <CodeDetails code={focused} onEdit={(d) => setDialog(d)} onRename={() => setRenaming(focused.id)} />}
      {dialog && <CodeDialogs dialog={dialog} onClose={() => setDialog(null)} />}
    </section>
  );
}

function countTitle(c: Code, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t('coding.tree.countTitle', { q: c.quotations, qd: c.quotationsDeep, d: c.documents, dd: c.documentsDeep });
}

function RenameInput({ code, onDone }: { code: Code; onDone(): void }) {
  const [name, setName] = useState(code.name);
  const { t } = useTranslation();
  // Enter commits, and the input then leaves the page, which blurs it: commit once only.
  const finished = useRef(false);
  const commit = async (): Promise<void> => {
    if (finished.current) return;
    finished.current = true;
    const n = name.trim();
    if (n && n !== code.name) await useCoding.getState().run(() => api.call('codes.update', { id: code.id, name: n }));
    onDone();
  };
  return (
    <input
      className="rename-input"
      autoFocus
      aria-label={t('coding.tree.rename')}
      value={name}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => setName(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') void commit();
        if (e.key === 'Escape') {
          finished.current = true;
          onDone();
        }
      }}
      onBlur={() => void commit()}
      data-testid="rename-input"
    />
  );
}

function CodeDetails({ code, onEdit, onRename }: { code: CodeNode; onEdit(d: CodeDialog): void; onRename(): void }) {
  const { t, i18n } = useTranslation();
  const openMemo = useCoding((s) => s.openMemo);
  const n = (x: number): string => formatNumber(x, i18n.language);
  return (
    <div className="code-details" aria-label={t('coding.tree.details')} data-testid="code-details">
      <div className="cd-title">
        <span className="swatch" style={{ background: code.color }} aria-hidden />
        <strong>{code.name}</strong>
      </div>
      <table className="cd-counts">
        <thead>
          <tr>
            <th />
            <th>{t('codes.quotations')}</th>
            <th>{t('codes.documents')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>{t('coding.tree.alone')}</th>
            <td>{n(code.quotations)}</td>
            <td>{n(code.documents)}</td>
          </tr>
          <tr>
            <th>{t('codes.withSub')}</th>
            <td>{n(code.quotationsDeep)}</td>
            <td>{n(code.documentsDeep)}</td>
          </tr>
        </tbody>
      </table>
      {code.definition && <p className="cd-def">{code.definition}</p>}
      {code.inclusion && <p className="cd-note"><em>{t('coding.tree.inclusion')}:</em> {code.inclusion}</p>}
      {code.exclusion && <p className="cd-note"><em>{t('coding.tree.exclusion')}:</em> {code.exclusion}</p>}
      <div className="cd-actions">
        <button type="button" className="small-button" onClick={onRename}>{t('coding.tree.rename')} <kbd>F2</kbd></button>
        <button type="button" className="small-button" onClick={() => onEdit({ kind: 'define', code })}>{t('coding.tree.define')}</button>
        <button type="button" className="small-button" onClick={() => onEdit({ kind: 'split', code })}>{t('coding.tree.split')}</button>
        <button type="button" className="small-button" onClick={() => openMemo({ kind: 'code', id: code.id })}>{t('coding.tree.memo')}</button>
        <button type="button" className="small-button danger" onClick={() => onEdit({ kind: 'delete', code })} data-testid="delete-code">{t('coding.tree.delete')}</button>
      </div>
    </div>
  );
}

function CodebookMenu({ onLoad, onClose }: { onLoad(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [books, setBooks] = useState<{ id: string; name: string; codes: number }[] | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void useCoding.getState().run(async () => setBooks(await api.call('codebooks.list', {})));
    const close = (e: MouseEvent): void => {
      if (!ref.current?.parentElement?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  const exportAs = async (format: 'csv' | 'txt'): Promise<void> => {
    onClose();
    const r = await useCoding.getState().run(() => api.call('codebooks.export', { format }));
    if (r?.content != null) download(r.fileName, new Blob([r.content], { type: format === 'csv' ? 'text/csv' : 'text/plain' }));
  };
  return (
    <div className="dropdown" role="menu" ref={ref} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dropdown-heading">{t('coding.tree.loadBook')}</div>
      {books === null && <div className="muted dropdown-item">{t('app.loading')}</div>}
      {books?.map((b) => (
        <button key={b.id} type="button" role="menuitem" className="dropdown-item" onClick={() => onLoad(b.id)} data-testid={`codebook-${b.id}`}>
          {b.name} <span className="muted">({b.codes})</span>
        </button>
      ))}
      <div className="dropdown-heading">{t('coding.tree.exportBook')}</div>
      <button type="button" role="menuitem" className="dropdown-item" onClick={() => void exportAs('csv')}>CSV</button>
      <button type="button" role="menuitem" className="dropdown-item" onClick={() => void exportAs('txt')}>{t('coding.tree.indentedText')}</button>
    </div>
  );
}

/** Saves a file in the browser's (or Electron's) download folder. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
