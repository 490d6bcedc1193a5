/**
 * The coding workspace's UI state: the selected quotation, the pending text selection
 * (kept as offsets so it survives a drag from the code tree), recently used codes, the
 * quick-code box, the shortcut sheet, undo/redo labels, and jump requests from other views.
 * Every change goes through the contract; the core's `changed` event refreshes the data.
 */
import { create } from 'zustand';
import type { AppEvent } from '../../../shared/contract';
import type { HistoryState } from '../../../shared/contract/history';
import { api } from '../api/client';
import { useApp } from './app-store';

export interface TextRange {
  documentId: number;
  start: number;
  end: number;
}

/** What the quick-code box will code when a code is chosen. */
export type QuickCodeTarget = { kind: 'selection' } | { kind: 'quotation'; id: number } | { kind: 'turn'; turnId: number };

export interface CodingState {
  selectedQuotationId: number | null;
  pending: TextRange | null;
  /** A request to scroll the document view to a range (nonce makes a repeat jump fire again). */
  jump: (TextRange & { nonce: number }) | null;
  recent: number[];
  quickCode: QuickCodeTarget | null;
  sheetOpen: boolean;
  memoTarget: MemoTarget | null;
  history: HistoryState | null;
  /** Counts the core's `changed` events: views that load their own data reload when it moves. */
  tick: number;

  selectQuotation(id: number | null): void;
  setPending(r: TextRange | null): void;
  jumpTo(r: TextRange, quotationId?: number): Promise<void>;
  openQuickCode(target?: QuickCodeTarget): void;
  closeQuickCode(): void;
  setSheet(open: boolean): void;
  openMemo(target: MemoTarget | null): void;
  /** Applies codes to the quick-code target (or the pending selection / selected quotation). */
  applyCodes(codeIds: number[], target?: QuickCodeTarget): Promise<void>;
  removeCode(quotationId: number, codeId: number): Promise<void>;
  deleteQuotation(id: number): Promise<void>;
  updateQuotation(id: number, patch: { start?: number; end?: number; comment?: string | null; reviewed?: true }): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  refreshHistory(): Promise<void>;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

export type MemoTarget = { kind: 'project' } | { kind: 'document'; id: number } | { kind: 'code'; id: number } | { kind: 'quotation'; id: number };

const RECENT_KEY = 'rodtrad.recentCodes';
function loadRecent(): number[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

export const useCoding = create<CodingState>((set, get) => {
  const remember = (ids: number[]): void => {
    const recent = [...ids, ...get().recent.filter((x) => !ids.includes(x))].slice(0, 12);
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    set({ recent });
  };

  api.on((e: AppEvent) => {
    if (e.type === 'changed' || e.type === 'project') {
      set({ tick: get().tick + 1 });
      void get().refreshHistory();
    }
  });

  return {
    selectedQuotationId: null,
    pending: null,
    jump: null,
    recent: loadRecent(),
    quickCode: null,
    sheetOpen: false,
    memoTarget: null,
    history: null,
    tick: 0,

    selectQuotation(id) {
      set({ selectedQuotationId: id });
    },
    setPending(pending) {
      set({ pending });
    },
    async jumpTo(r, quotationId) {
      const app = useApp.getState();
      if (app.selectedDocumentId !== r.documentId) await app.selectDocument(r.documentId);
      set({ jump: { ...r, nonce: Date.now() }, selectedQuotationId: quotationId ?? get().selectedQuotationId });
    },
    openQuickCode(target) {
      const s = get();
      const t: QuickCodeTarget | null =
        target ?? (s.pending ? { kind: 'selection' } : s.selectedQuotationId !== null ? { kind: 'quotation', id: s.selectedQuotationId } : null);
      if (!t) {
        useApp.getState().setError(null);
        set({ quickCode: { kind: 'selection' } });
        return;
      }
      set({ quickCode: t });
    },
    closeQuickCode() {
      set({ quickCode: null });
    },
    setSheet(sheetOpen) {
      set({ sheetOpen });
    },
    openMemo(memoTarget) {
      set({ memoTarget });
    },

    async applyCodes(codeIds, target) {
      if (codeIds.length === 0) return;
      const s = get();
      const t = target ?? s.quickCode ?? (s.pending ? { kind: 'selection' as const } : s.selectedQuotationId !== null ? { kind: 'quotation' as const, id: s.selectedQuotationId } : null);
      if (!t) return;
      await s.run(async () => {
        if (t.kind === 'quotation') {
          await api.call('quotations.addCodes', { quotationId: t.id, codeIds });
        } else if (t.kind === 'turn') {
          const q = await api.call('quotations.codeTurn', { turnId: t.turnId, codeIds });
          set({ selectedQuotationId: q.id });
        } else {
          const p = get().pending;
          if (!p) return;
          const q = await api.call('quotations.create', { documentId: p.documentId, start: p.start, end: p.end, codeIds });
          set({ selectedQuotationId: q.id, pending: null });
          window.getSelection()?.removeAllRanges();
        }
        remember(codeIds);
      });
    },
    async removeCode(quotationId, codeId) {
      await get().run(() => api.call('quotations.removeCode', { quotationId, codeId }));
    },
    async deleteQuotation(id) {
      await get().run(() => api.call('quotations.delete', { id }));
      if (get().selectedQuotationId === id) set({ selectedQuotationId: null });
    },
    async updateQuotation(id, patch) {
      await get().run(() => api.call('quotations.update', { id, ...patch }));
    },
    async undo() {
      await get().run(() => api.call('history.undo', {}));
    },
    async redo() {
      await get().run(() => api.call('history.redo', {}));
    },
    async refreshHistory() {
      try {
        set({ history: await api.call('history.state', {}) });
      } catch {
        set({ history: null });
      }
    },
    async run(fn) {
      try {
        return await fn();
      } catch (e) {
        useApp.getState().setError(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    },
  };
});
