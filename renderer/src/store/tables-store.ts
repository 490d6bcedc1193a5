/** State of the theme-table builder: the chosen layout, the editor model and the options. */
import { create } from 'zustand';
import type { DocumentFilter } from '../../../shared/contract/filter';
import type { CountMode, LayoutInfo } from '../../../shared/contract/tables';
import type { EditorModel } from '../tables/layout-editor';

export interface TableOptionsState {
  counts: CountMode;
  quotes: number;
  sourceTemplate: string;
  landscape: boolean;
  filter: DocumentFilter;
}

interface TablesState {
  layouts: LayoutInfo[];
  layoutName: string | null;
  model: EditorModel | null;
  options: TableOptionsState;
  set(patch: Partial<Omit<TablesState, 'set' | 'setOptions'>>): void;
  setOptions(patch: Partial<TableOptionsState>): void;
}

export const DEFAULT_OPTIONS: TableOptionsState = { counts: 'none', quotes: 0, sourceTemplate: '({document})', landscape: false, filter: {} };

/** The defaults as the UI's language writes them: the source template's placeholder in Swedish in the Swedish UI. */
export function defaultTableOptions(lang: string): TableOptionsState {
  return lang === 'sv' ? { ...DEFAULT_OPTIONS, sourceTemplate: '({dokument})' } : DEFAULT_OPTIONS;
}

export const useTables = create<TablesState>((set) => ({
  layouts: [],
  layoutName: null,
  model: null,
  options: DEFAULT_OPTIONS,
  set: (patch) => set(patch),
  setOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
}));
