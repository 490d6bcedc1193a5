/**
 * State of the term report and survey frequency views: their settings (saved in the project,
 * so the views open as they were left) and the last result.
 */
import { create } from 'zustand';
import type { FrequencyReport, OpenAnswers, ReportSettings, TermReport } from '../../../shared/contract/reports';
import { api } from '../api/client';

export interface ReportVariable {
  name: string;
  levels: string[];
  used: Record<string, number>;
}

export interface ReportsState {
  variables: ReportVariable[];
  term: string | null;
  group: string | null;
  district: string | null;
  codeIds: number[] | null;
  includeSubcodes: boolean;
  chart: 'line' | 'bar';
  chartLayout: 'auto' | 'overlay' | 'small-multiples' | 'top5';
  /** '' = all interviews, else a group value: which split the table and chart show. */
  split: string;
  report: TermReport | null;
  busy: boolean;
  error: string | null;
  notice: string | null;

  freqVars: string[];
  ranked: boolean;
  rounding: 'nearest' | 'largest-remainder';
  orders: Record<string, string[]>;
  freq: FrequencyReport | null;
  /** Split of the coded open answers (an attribute of the respondents), and the last result. */
  openGroup: string | null;
  open: OpenAnswers | null;

  /** Whether the project's saved settings were applied (once per project). */
  restored: boolean;
  loadVariables(): Promise<void>;
  set(patch: Partial<ReportsState>): void;
  runTerm(lang: 'sv' | 'en'): Promise<void>;
  runFreq(lang: 'sv' | 'en'): Promise<void>;
  exportTerm(format: 'docx' | 'xlsx', lang: 'sv' | 'en'): Promise<void>;
  exportFreq(format: 'docx' | 'xlsx' | 'csv' | 'md', lang: 'sv' | 'en'): Promise<void>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Saves an export in the download folder (browser mode and desktop alike). */
export function downloadBase64(name: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The settings as saved in the project. */
function settingsOf(s: ReportsState): ReportSettings {
  return {
    term: s.term,
    group: s.group,
    district: s.district,
    codes: s.codeIds,
    includeSubcodes: s.includeSubcodes,
    chart: s.chart,
    chartLayout: s.chartLayout,
    split: s.split,
    freqVariables: s.freqVars,
    ranked: s.ranked,
    rounding: s.rounding,
    orders: s.orders,
    openGroup: s.openGroup,
  };
}

const SAVED_FIELDS = new Set<keyof ReportsState>(['term', 'group', 'district', 'codeIds', 'includeSubcodes', 'chart', 'chartLayout', 'split', 'freqVars', 'ranked', 'rounding', 'orders', 'openGroup']);
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/** Another project opened: its own saved settings apply, not this one's. */
function listenForProjectChange(): void {
  if (listening) return;
  listening = true;
  api.on((event) => {
    if (event.type !== 'project') return;
    clearTimeout(saveTimer);
    useReports.setState({ ...SETTING_DEFAULTS, restored: false, report: null, freq: null, open: null, variables: [] });
  });
}

const SETTING_DEFAULTS = {
  term: null,
  group: null,
  district: null,
  codeIds: null,
  includeSubcodes: true,
  chart: 'line',
  chartLayout: 'auto',
  split: '',
  freqVars: [],
  ranked: false,
  rounding: 'nearest',
  orders: {},
  openGroup: null,
} satisfies Partial<ReportsState>;

const pick = (vars: ReportVariable[], wanted: string[]): string | null => vars.find((v) => wanted.includes(v.name.toLowerCase()))?.name ?? null;

export const useReports = create<ReportsState>((set, get) => {
  const termRequest = (lang: 'sv' | 'en') => {
    const s = get();
    return {
      term: s.term!,
      ...(s.group ? { group: s.group } : {}),
      ...(s.district ? { district: s.district } : {}),
      ...(s.codeIds ? { codes: s.codeIds } : {}),
      includeSubcodes: s.includeSubcodes,
      language: lang,
    };
  };
  const freqRequest = (lang: 'sv' | 'en') => {
    const s = get();
    return { variables: s.freqVars, ranked: s.ranked, rounding: s.rounding, orders: s.orders, language: lang };
  };
  const openRequest = (lang: 'sv' | 'en') => {
    const g = get().openGroup;
    return { ...(g ? { group: g } : {}), language: lang };
  };
  return {
    variables: [],
    term: null,
    group: null,
    district: null,
    codeIds: null,
    includeSubcodes: true,
    chart: 'line',
    chartLayout: 'auto',
    split: '',
    report: null,
    busy: false,
    error: null,
    notice: null,
    freqVars: [],
    ranked: false,
    rounding: 'nearest',
    orders: {},
    freq: null,
    openGroup: null,
    open: null,
    restored: false,

    async loadVariables() {
      listenForProjectChange();
      try {
        const [variables, saved] = await Promise.all([api.call('reports.variables', {}), api.call('reports.settings', {})]);
        const s = get();
        const names = variables.map((v) => v.name);
        const known = (name: string | null | undefined): name is string => typeof name === 'string' && names.includes(name);
        // this session's choice first, then what the project saved, then a sensible guess
        const term = known(s.term) ? s.term : known(saved?.term) ? saved.term : (pick(variables, ['termin', 'term', 'omgång']) ?? variables.find((v) => (v.used.interview ?? 0) > 0)?.name ?? null);
        const group = known(s.group) ? s.group : saved && saved.group !== undefined ? (known(saved.group) ? saved.group : null) : pick(variables, ['grupp', 'group']);
        const district = known(s.district) ? s.district : known(saved?.district) ? saved.district : null;
        set({
          variables,
          term,
          group,
          district,
          ...(saved && !s.restored
            ? {
                restored: true,
                ...(saved.codes !== undefined ? { codeIds: saved.codes } : {}),
                ...(saved.includeSubcodes !== undefined ? { includeSubcodes: saved.includeSubcodes } : {}),
                ...(saved.chart ? { chart: saved.chart } : {}),
                ...(saved.chartLayout ? { chartLayout: saved.chartLayout } : {}),
                ...(saved.split !== undefined ? { split: saved.split } : {}),
                ...(saved.freqVariables ? { freqVars: saved.freqVariables.filter((v) => names.includes(v)) } : {}),
                ...(saved.ranked !== undefined ? { ranked: saved.ranked } : {}),
                ...(saved.rounding ? { rounding: saved.rounding } : {}),
                ...(saved.orders ? { orders: saved.orders } : {}),
                ...(saved.openGroup !== undefined ? { openGroup: known(saved.openGroup) ? saved.openGroup : null } : {}),
              }
            : { restored: true }),
        });
      } catch (e) {
        set({ error: message(e) });
      }
    },

    set(patch) {
      set(patch);
      // a changed setting is saved in the project half a second later (one write for a burst of clicks)
      if (!Object.keys(patch).some((k) => SAVED_FIELDS.has(k as keyof ReportsState))) return;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        void api.call('reports.saveSettings', { settings: settingsOf(get()) }).catch((e: unknown) => set({ error: message(e) }));
      }, 500);
    },

    async runTerm(lang) {
      const s = get();
      if (!s.term || (s.codeIds && s.codeIds.length === 0)) {
        set({ report: null });
        return;
      }
      set({ busy: true, error: null });
      try {
        const report = await api.call('reports.term', termRequest(lang));
        set({ report, busy: false, split: report.groups.includes(get().split) ? get().split : '' });
      } catch (e) {
        set({ error: message(e), busy: false, report: null });
      }
    },

    async runFreq(lang) {
      set({ busy: true, error: null });
      try {
        const hasSurvey = get().variables.some((v) => (v.used.survey ?? 0) > 0);
        const open = hasSurvey ? await api.call('reports.openAnswers', openRequest(lang)) : null;
        const freq = get().freqVars.length ? await api.call('reports.frequencies', freqRequest(lang)) : null;
        set({ freq, open: open && open.rows.some((r) => r.total > 0) ? open : null, busy: false });
      } catch (e) {
        set({ error: message(e), busy: false, freq: null });
      }
    },

    async exportTerm(format, lang) {
      try {
        const r = await api.call('reports.exportTerm', { ...termRequest(lang), format, chart: get().chart, chartLayout: get().chartLayout });
        if (r.base64) downloadBase64(r.fileName, r.base64, r.mime);
        set({ notice: r.fileName });
      } catch (e) {
        set({ error: message(e) });
      }
    },

    async exportFreq(format, lang) {
      try {
        const r = await api.call('reports.exportFrequencies', { ...freqRequest(lang), format, ...(get().open ? { open: openRequest(lang) } : {}) });
        if (r.base64) downloadBase64(r.fileName, r.base64, r.mime);
        set({ notice: r.fileName });
      } catch (e) {
        set({ error: message(e) });
      }
    },
  };
});
