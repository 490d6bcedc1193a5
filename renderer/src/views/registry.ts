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

const modules = import.meta.glob<{ default: ViewDef }>('./*.view.tsx', { eager: true });
export const views: ViewDef[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);
