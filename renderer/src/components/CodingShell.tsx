/**
 * The coding workspace's global parts: keyboard shortcuts (undo/redo, quick-code, delete,
 * memo, shortcut sheet), the quick-code box, the memo dialog and the shortcut sheet.
 * Shortcuts are ignored while typing in a field, where the field's own undo applies.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { Dialog } from './Dialog';
import { MemoDialog } from './Memos';
import { QuickCode } from './QuickCode';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

export function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function CodingShell() {
  useEffect(() => {
    void useCoding.getState().refreshHistory();
    const onKey = (e: KeyboardEvent): void => {
      const s = useCoding.getState();
      const mod = isMac ? e.metaKey : e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !typing(e) && !modalOpen()) {
        e.preventDefault();
        void (e.shiftKey ? s.redo() : s.undo());
        return;
      }
      if (mod && key === 'y' && !isMac && !typing(e) && !modalOpen()) {
        e.preventDefault();
        void s.redo();
        return;
      }
      if (mod && key === 'q' && !modalOpen()) {
        e.preventDefault();
        s.openQuickCode();
        return;
      }
      if (typing(e) || modalOpen() || e.altKey || mod) return;
      if (e.key === '?' || e.key === 'F1') {
        e.preventDefault();
        s.setSheet(true);
      } else if (key === 'q') {
        e.preventDefault();
        s.openQuickCode();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && s.selectedQuotationId !== null && !(e.target as HTMLElement).closest?.('[role="tree"]')) {
        e.preventDefault();
        void s.deleteQuotation(s.selectedQuotationId);
      } else if (key === 'm') {
        const doc = useApp.getState().document;
        if (s.selectedQuotationId !== null) s.openMemo({ kind: 'quotation', id: s.selectedQuotationId });
        else if (doc) s.openMemo({ kind: 'document', id: doc.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <QuickCode />
      <MemoDialog />
      <ShortcutSheet />
    </>
  );
}

const SHEET: { group: string; keys: [string, string][] }[] = [
  {
    group: 'coding',
    keys: [
      ['Q / {{mod}}+Q', 'quickCode'],
      ['T', 'codeTurn'],
      ['Enter', 'applyFocused'],
      ['Del', 'deleteQuotation'],
      ['M', 'memo'],
      ['Esc', 'clear'],
    ],
  },
  {
    group: 'document',
    keys: [
      ['↑ ↓ / J K', 'blocks'],
      ['S', 'selectTurn'],
      ['Shift+← →', 'selectEnd'],
      ['Alt+Shift+← →', 'selectStart'],
      ['[ ] / P N', 'quotations'],
    ],
  },
  {
    group: 'tree',
    keys: [
      ['↑ ↓ ← →', 'treeMove'],
      ['F2', 'rename'],
      ['Alt+↑ ↓', 'reorder'],
      ['Alt+← →', 'indent'],
      ['N / Insert', 'newCode'],
      ['Del', 'deleteCode'],
    ],
  },
  {
    group: 'agreement',
    keys: [
      ['N / P', 'disagreements'],
      ['1 / 2', 'acceptCoder'],
      ['B', 'acceptBoth'],
      ['0', 'acceptNeither'],
    ],
  },
  {
    group: 'general',
    keys: [
      ['{{mod}}+Z', 'undo'],
      ['{{mod}}+Shift+Z', 'redo'],
      ['Alt+1 … 9', 'views'],
      ['? / F1', 'sheet'],
    ],
  },
];

function ShortcutSheet() {
  const { t } = useTranslation();
  const open = useCoding((s) => s.sheetOpen);
  const setSheet = useCoding((s) => s.setSheet);
  if (!open) return null;
  return (
    <Dialog title={t('coding.keys.title')} onClose={() => setSheet(false)} wide testId="shortcut-sheet">
      <div className="shortcut-grid">
        {SHEET.map((g) => (
          <section key={g.group}>
            <h4>{t(`coding.keys.group.${g.group}`)}</h4>
            <dl>
              {g.keys.map(([k, what]) => (
                <div key={what} className="shortcut">
                  <dt><kbd>{k.replace('{{mod}}', MOD)}</kbd></dt>
                  <dd>{t(`coding.keys.${what}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

/** Undo and redo buttons for the top bar, labelled with what they would undo or redo. */
export function UndoButtons() {
  const { t } = useTranslation();
  const h = useCoding((s) => s.history);
  const undo = useCoding((s) => s.undo);
  const redo = useCoding((s) => s.redo);
  const setSheet = useCoding((s) => s.setSheet);
  const label = (action: string | null, fallback: string | null): string => {
    if (!action) return fallback ?? '';
    const key = `coding.history.${action.replace('.', '_')}`;
    return t(key, { defaultValue: fallback ?? action });
  };
  const undoText = h?.canUndo ? t('coding.history.undo', { what: label(h.undoAction, h.undoLabel) }) : t('coding.history.nothingToUndo');
  const redoText = h?.canRedo ? t('coding.history.redo', { what: label(h.redoAction, h.redoLabel) }) : t('coding.history.nothingToRedo');
  return (
    <span className="undo-buttons">
      <button type="button" disabled={!h?.canUndo} onClick={() => void undo()} title={`${undoText} (${MOD}+Z)`} aria-label={undoText} data-testid="undo">
        ↶ <span className="undo-label">{h?.canUndo ? label(h.undoAction, h.undoLabel) : t('coding.history.undoShort')}</span>
      </button>
      <button type="button" disabled={!h?.canRedo} onClick={() => void redo()} title={`${redoText} (${MOD}+Shift+Z)`} aria-label={redoText} data-testid="redo">
        ↷
      </button>
      <button type="button" onClick={() => setSheet(true)} title={t('coding.keys.title')} aria-label={t('coding.keys.title')} data-testid="shortcuts">
        ?
      </button>
    </span>
  );
}
