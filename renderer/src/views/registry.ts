/**
 * The workbench's centre views (document, quotation manager, search, tables …), one file
 * each: `views/<name>.view.tsx` default-exports a ViewDef and appears as a tab. Adding a
 * view needs no edit anywhere else.
 */
import type { ComponentType } from 'react';

export interface ViewDef {
  id: string;
  /** i18n key of the tab title. */
  titleKey: string;
  /** Position among the tabs (document view is 0). */
  order: number;
  /** Alt+<key> switches to this view. */
  shortcutKey?: string;
  component: ComponentType;
}

/** Tabs are grouped by their order: coding 0–39, search 40–49, analysis 50 and up. */
export type ViewGroup = 'coding' | 'search' | 'analysis';
export function groupOf(view: ViewDef): ViewGroup {
  return view.order < 40 ? 'coding' : view.order < 50 ? 'search' : 'analysis';
}

const modules = import.meta.glob<{ default: ViewDef }>('./*.view.tsx', { eager: true });
export const views: ViewDef[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);
