/** UI state: what is open and selected, and the data the panels show, loaded through the contract. */
import { create } from 'zustand';
import type { AppEvent, Code, DocumentFull, DocumentSummary, Progress, ProjectInfo, Quotation } from '../../../shared/contract';
import { api, type CheckedExport } from '../api/client';
import { i18n } from '../i18n';
import { unlockWaiting, withPassphrase } from './passphrase-store';

export interface AppState {
  info: ProjectInfo | null;
  host: 'desktop' | 'browser' | 'cli' | 'test' | null;
  documents: DocumentSummary[];
  codes: Code[];
  quotations: Quotation[];
  selectedDocumentId: number | null;
  document: DocumentFull | null;
  progress: Record<string, Progress>;
  error: string | null;
  /** A message that is not an error: what happened, or what to do next. */
  notice: string | null;
  loading: boolean;
  /** The last export that was pseudonymised and checked, for the note that says so. */
  exportCheck: CheckedExport | null;
  setExportCheck(e: CheckedExport | null): void;

  init(): Promise<void>;
  refresh(): Promise<void>;
  /** After a coding change: the code tree, counts and the open document's quotations (its text did not change). */
  refreshCoding(): Promise<void>;
  selectDocument(id: number | null): Promise<void>;
  openProject(path: string): Promise<void>;
  /** Asks for the passphrase of the encrypted project the host was asked to open, and opens it. */
  unlock(file: string): Promise<void>;
  createProject(path: string): Promise<void>;
  /** "Save as": the open project copied to a new file, which becomes the open project. */
  saveProjectAs(path: string): Promise<void>;
  /** After another project was opened or created (e.g. by the browser-mode project dialog). */
  projectChanged(): Promise<void>;
  cancelJob(jobId: string): Promise<void>;
  setError(message: string | null): void;
  setNotice(message: string | null): void;
  /** Deletes the documents an import just made (one undoable step) and says so. */
  undoImport(documentIds: number[]): Promise<void>;
}

/** Changes that leave document texts, speakers and attributes as they were. */
const CODING_ONLY = /^(quotations|codes|codebooks|memos|agreement)\./;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const useApp = create<AppState>((set, get) => {
  const guard = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      set({ error: message(e) });
    }
  };

  const onEvent = (event: AppEvent): void => {
    if (event.type === 'progress') {
      const p = event.progress;
      const next = { ...get().progress };
      if (p.done >= p.total && p.total > 0) delete next[p.jobId];
      else next[p.jobId] = p;
      set({ progress: next });
    } else if (event.type === 'changed' && CODING_ONLY.test(event.method)) {
      void get().refreshCoding();
    } else if (event.type === 'changed' || event.type === 'project') {
      void get().refresh();
    } else if (event.type === 'locked') {
      void get().unlock(event.file);
    }
  };

  return {
    info: null,
    host: null,
    documents: [],
    codes: [],
    quotations: [],
    selectedDocumentId: null,
    document: null,
    progress: {},
    error: null,
    notice: null,
    loading: true,
    exportCheck: null,

    async init() {
      api.on(onEvent);
      api.onExportChecked((exportCheck) => set({ exportCheck }));
      await guard(async () => {
        const app = await api.call('app.info', {});
        set({ host: app.host });
        if (app.project) await get().refresh();
        else if (app.locked) void get().unlock(app.locked);
      });
      set({ loading: false });
    },

    async refresh() {
      await guard(async () => {
        const app = await api.call('app.info', {});
        if (!app.project) {
          set({ info: null, documents: [], codes: [], quotations: [], document: null, selectedDocumentId: null });
          return;
        }
        const [info, documents, codes] = await Promise.all([
          api.call('project.info', {}),
          api.call('documents.list', {}),
          api.call('codes.tree', {}),
        ]);
        set({ info, documents, codes });
        const selected = get().selectedDocumentId;
        if (selected !== null && documents.some((d) => d.id === selected)) await get().selectDocument(selected);
        else if (selected !== null) set({ selectedDocumentId: null, document: null, quotations: [] });
      });
    },

    async refreshCoding() {
      await guard(async () => {
        const id = get().selectedDocumentId;
        const [info, documents, codes, quotations] = await Promise.all([
          api.call('project.info', {}),
          api.call('documents.list', {}),
          api.call('codes.tree', {}),
          id !== null ? api.call('quotations.list', { documentId: id }) : Promise.resolve(null),
        ]);
        set({ info, documents, codes });
        if (quotations && get().selectedDocumentId === id) set({ quotations });
      });
    },

    async selectDocument(id) {
      await guard(async () => {
        if (id === null) {
          set({ selectedDocumentId: null, document: null, quotations: [] });
          return;
        }
        set({ selectedDocumentId: id });
        const [document, quotations] = await Promise.all([api.call('documents.get', { id }), api.call('quotations.list', { documentId: id })]);
        if (get().selectedDocumentId === id) set({ document, quotations });
      });
    },

    async openProject(path) {
      await guard(async () => {
        const opened = await withPassphrase(path, (passphrase) => api.call('project.open', { path, passphrase }));
        if (opened) await get().projectChanged();
      });
    },

    async unlock(file) {
      await guard(async () => {
        if (await unlockWaiting(file)) await get().projectChanged();
      });
    },

    async createProject(path) {
      await guard(async () => {
        await api.call('project.create', { path });
        await get().projectChanged();
      });
    },

    async saveProjectAs(path) {
      await guard(async () => {
        const info = await api.call('project.saveAs', { path });
        set({ notice: i18n.t('fileMenu.savedAs', { file: info.file }) });
        await get().projectChanged();
      });
    },

    async projectChanged() {
      set({ selectedDocumentId: null, document: null });
      await get().refresh();
    },

    async cancelJob(jobId) {
      await guard(async () => {
        await api.call('job.cancel', { jobId });
      });
    },

    setError(error) {
      set({ error });
    },

    setNotice(notice) {
      set({ notice });
    },

    setExportCheck(exportCheck) {
      set({ exportCheck });
    },

    async undoImport(documentIds) {
      await guard(async () => {
        const r = await api.call('documents.delete', { ids: documentIds, undoImport: true });
        set({ notice: i18n.t('docManage.importUndone', { count: r.deleted }) });
      });
    },
  };
});
