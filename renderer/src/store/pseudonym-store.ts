/**
 * The pseudonym list as the page shows it: the entries, how often each occurs in the
 * documents, and the changes the user makes (each one undo step in the core). Reloaded when
 * the list changes by any way (this page, undo/redo, another view's "add selection").
 */
import { create } from 'zustand';
import type { PseudonymKind, PseudonymRow } from '../../../shared/contract/privacy';
import { api } from '../api/client';
import { useApp } from './app-store';

export interface Occurrence {
  count: number;
  documents: number;
}

interface PseudonymState {
  entries: PseudonymRow[];
  linked: string | null;
  occurrences: Map<string, Occurrence>;
  loaded: boolean;
  load(): Promise<void>;
  /** Replaces the list (add, edit, delete are diffs of it in the core: one undo step each). */
  save(next: PseudonymRow[]): Promise<void>;
  /** Adds one name; kind and pseudonym are guessed by the core when not given. */
  add(real: string, pseudonym?: string, kind?: PseudonymKind): Promise<boolean>;
  importCsv(content: string): Promise<void>;
}

const key = (real: string): string => real.toLocaleLowerCase('sv');

function fail(e: unknown): void {
  useApp.getState().setError(e instanceof Error ? e.message : String(e));
}

export const usePseudonyms = create<PseudonymState>((set, get) => ({
  entries: [],
  linked: null,
  occurrences: new Map(),
  loaded: false,
  async load() {
    try {
      const [list, counts] = await Promise.all([api.call('pseudonyms.list', {}), api.call('pseudonyms.occurrences', {})]);
      set({ entries: list.entries, linked: list.file, occurrences: new Map(counts.map((c) => [key(c.real), { count: c.count, documents: c.documents }])), loaded: true });
    } catch (e) {
      fail(e);
    }
  },
  async save(next) {
    try {
      await api.call('pseudonyms.set', { entries: next });
      await get().load();
    } catch (e) {
      fail(e);
    }
  },
  async add(real, pseudonym, kind) {
    try {
      await api.call('pseudonyms.add', { real, ...(pseudonym ? { pseudonym } : {}), ...(kind ? { kind } : {}) });
      await get().load();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  },
  async importCsv(content) {
    try {
      await api.call('pseudonyms.load', { content });
      await get().load();
    } catch (e) {
      fail(e);
    }
  },
}));

export function occurrenceOf(occurrences: Map<string, Occurrence>, real: string): Occurrence | undefined {
  return occurrences.get(key(real));
}
