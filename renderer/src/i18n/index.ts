/** i18next with Swedish and English; Swedish when the system (browser) locale is Swedish. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Resource } from './resource';

export type Language = 'sv' | 'en';
const STORAGE_KEY = 'rodtrad.language';

/** Every resources/*.ts file, merged; adding a file is all an area of the UI needs to do. */
const modules = import.meta.glob<{ default: Resource<Record<string, unknown>> }>('./resources/*.ts', { eager: true });
const sv: Record<string, unknown> = {};
const en: Record<string, unknown> = {};
for (const m of Object.values(modules)) {
  Object.assign(sv, m.default.sv);
  Object.assign(en, m.default.en);
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'sv' || saved === 'en') return saved;
  return (navigator.languages ?? [navigator.language]).some((l) => l.toLowerCase().startsWith('sv')) ? 'sv' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export const i18n = i18next;
