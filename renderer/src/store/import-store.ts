/**
 * Import from the UI: files picked or dropped (folders walked in the page), sent as base64
 * contents in batches that keep each request well under the server's body limit, run as
 * cancellable jobs whose progress the status bar shows, with a result per file.
 */
import { create } from 'zustand';
import type { DocumentKind } from '../../../shared/contract';
import { IMPORT_EXTENSIONS, type ImportFileResult } from '../../../shared/contract/import';
import { UPLOAD_FILE_LIMIT } from '../../../shared/limits';
import { api } from '../api/client';
import { useApp } from './app-store';

export interface PendingFile {
  /** Relative path for files from a dropped folder, else the file name. */
  name: string;
  file: File;
  /** Overrides the dialog's encoding for this file. */
  encoding?: string;
}

export type ColumnRole = 'id' | 'attribute' | 'text' | 'ignore';

export interface SurveyPlan {
  header: string[];
  rows: number;
  attributeSheet: boolean;
  roles: Record<string, ColumnRole>;
  /** The row under the header holds the question texts (survey tables take them as titles). */
  questionRow?: boolean;
}

export interface ImportOptions {
  kind: DocumentKind | 'auto';
  encoding: string;
  duplicates: 'skip' | 'import';
}

interface ImportState {
  open: boolean;
  dragging: boolean;
  pending: PendingFile[];
  /** Column roles of the surveys among the pending files, by file name. */
  surveys: Record<string, SurveyPlan>;
  options: ImportOptions;
  running: boolean;
  jobId: string | null;
  results: ImportFileResult[] | null;
  cancelled: boolean;
  show(files?: PendingFile[]): void;
  close(): void;
  setDragging(on: boolean): void;
  addFiles(files: PendingFile[]): void;
  removeFile(name: string): void;
  setFileEncoding(name: string, encoding: string): void;
  setColumnRole(file: string, column: string, role: ColumnRole): void;
  setQuestionRow(file: string, on: boolean): void;
  setOptions(o: Partial<ImportOptions>): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

/** Raw bytes per request: base64 adds a third, and the whole request stays under the server's upload ceiling. */
const BATCH_BYTES = UPLOAD_FILE_LIMIT;

/** A file browser mode cannot upload in one request: said before anything is sent. */
function tooLargeToUpload(f: PendingFile): ImportFileResult {
  const mb = (n: number): string => String(Math.round(n / (1024 * 1024)));
  return {
    file: f.name, ok: false, status: 'failed', documentId: null, documentIds: [], turns: 0, chars: 0, speakers: 0, encoding: null,
    error: `${f.name}: ${mb(f.file.size)} MB is more than browser mode uploads (${mb(UPLOAD_FILE_LIMIT)} MB); import it with "rodtrad import <project> <file>" instead`,
    errorSv: `${mb(f.file.size)} MB är mer än webbläsarläget laddar upp (${mb(UPLOAD_FILE_LIMIT)} MB); importera den med "rodtrad import <projekt> <fil>" i stället`,
    note: null, noteSv: null,
  };
}

export const useImport = create<ImportState>((set, get) => ({
  open: false,
  dragging: false,
  pending: [],
  surveys: {},
  options: { kind: 'auto', encoding: '', duplicates: 'skip' },
  running: false,
  jobId: null,
  results: null,
  cancelled: false,

  show(files) {
    if (get().running) return set({ open: true });
    set({ open: true, results: null, cancelled: false, pending: [], surveys: {} });
    if (files?.length) get().addFiles(files);
  },
  close() {
    if (get().running) return;
    set({ open: false, pending: [], results: null, surveys: {} });
  },
  setDragging(dragging) {
    set({ dragging });
  },
  addFiles(files) {
    const known = new Set(get().pending.map((f) => f.name));
    const fresh = files.filter((f) => !known.has(f.name));
    set({ pending: [...get().pending, ...fresh], results: null });
    // surveys: ask the core how it reads the columns, so the user can change their roles
    for (const f of fresh.filter((x) => /\.(csv|xlsx)$/i.test(x.name))) void preview(f, set, get);
  },
  removeFile(name) {
    set({ pending: get().pending.filter((f) => f.name !== name) });
  },
  setFileEncoding(name, encoding) {
    set({ pending: get().pending.map((f) => (f.name === name ? { ...f, encoding: encoding || undefined } : f)) });
  },
  setColumnRole(file, column, role) {
    const plan = get().surveys[file];
    if (!plan) return;
    const roles = { ...plan.roles };
    // one id column at most
    if (role === 'id') for (const [c, r] of Object.entries(roles)) if (r === 'id') roles[c] = 'attribute';
    roles[column] = role;
    set({ surveys: { ...get().surveys, [file]: { ...plan, roles } } });
  },
  setQuestionRow(file, on) {
    const plan = get().surveys[file];
    if (plan) set({ surveys: { ...get().surveys, [file]: { ...plan, questionRow: on } } });
  },
  setOptions(o) {
    set({ options: { ...get().options, ...o } });
  },

  async start() {
    const { pending, options } = get();
    if (pending.length === 0 || get().running) return;
    set({ running: true, results: [], cancelled: false });
    try {
      const surveys = get().surveys;
      const planned = (f: PendingFile): boolean => !!surveys[f.name] && !surveys[f.name]!.attributeSheet && options.kind !== 'interview' && options.kind !== 'fieldnote' && options.kind !== 'other';
      // a survey with chosen columns goes alone, with its own column roles
      const uploadable = (f: PendingFile): boolean => api.mode === 'desktop' || f.file.size <= UPLOAD_FILE_LIMIT;
      set({ results: pending.filter((f) => !uploadable(f)).map(tooLargeToUpload) });
      const sendable = pending.filter(uploadable);
      const groups: { files: PendingFile[]; survey?: SurveyPlan }[] = [
        ...sendable.filter(planned).map((f) => ({ files: [f], survey: surveys[f.name] })),
        ...batches(sendable.filter((f) => !planned(f))).map((files) => ({ files })),
      ];
      for (const { files: batch, survey } of groups) {
        if (get().cancelled) break;
        const jobId = `import-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
        set({ jobId });
        const sources = await Promise.all(batch.map(async (f) => ({ name: f.name, data: await toBase64(f.file), ...(f.encoding ? { encoding: f.encoding } : {}) })));
        const r = await api.call('import.files', {
          sources,
          jobId,
          duplicates: options.duplicates,
          ...(options.kind !== 'auto' ? { kind: options.kind } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(survey ? { survey: surveyOptions(survey) } : {}),
        });
        set({ results: [...(get().results ?? []), ...r.results], cancelled: get().cancelled || r.cancelled });
      }
      set({ pending: [] });
    } catch (e) {
      useApp.getState().setError(e instanceof Error ? e.message : String(e));
    } finally {
      set({ running: false, jobId: null });
      await useApp.getState().refresh();
    }
  },

  async cancel() {
    const { jobId } = get();
    set({ cancelled: true });
    if (jobId) await api.call('job.cancel', { jobId });
  },
}));

function surveyOptions(plan: SurveyPlan) {
  const by = (role: ColumnRole): string[] => plan.header.filter((h) => plan.roles[h] === role);
  const id = by('id')[0];
  return { ...(id ? { idColumn: id } : {}), attributeColumns: by('attribute'), textColumns: by('text'), ...(plan.questionRow ? { questionRow: true } : {}) };
}

async function preview(f: PendingFile, set: (s: Partial<ImportState>) => void, get: () => ImportState): Promise<void> {
  try {
    const p = await api.call('import.surveyPreview', { source: { name: f.name, data: await toBase64(f.file), ...(f.encoding ? { encoding: f.encoding } : {}) } });
    const roles: Record<string, ColumnRole> = {};
    for (const h of p.header) roles[h] = h === p.idColumn ? 'id' : p.textColumns.includes(h) ? 'text' : p.attributeColumns.includes(h) ? 'attribute' : 'ignore';
    if (get().pending.some((x) => x.name === f.name)) set({ surveys: { ...get().surveys, [f.name]: { header: p.header, rows: p.rows, attributeSheet: p.attributeSheet, roles } } });
  } catch {
    // an unreadable table gets its message from the import itself
  }
}

function batches(files: PendingFile[]): PendingFile[][] {
  const out: PendingFile[][] = [];
  let current: PendingFile[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length > 0 && size + f.file.size > BATCH_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.file.size;
  }
  if (current.length) out.push(current);
  return out;
}

async function toBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

export function isImportable(name: string): boolean {
  const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return (IMPORT_EXTENSIONS as readonly string[]).includes(ext) || ext === 'markdown' || ext === 'text';
}

/**
 * Files from a drop: folders are walked (hidden and unsupported files left out); single
 * files are all kept, so an unsupported one gets its message from the importer.
 */
export async function filesFromDrop(dt: DataTransfer): Promise<PendingFile[]> {
  const out: PendingFile[] = [];
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files ?? []));
  for (const f of loose) out.push({ name: f.name, file: f });
  for (const e of entries) await walk(e, '', out, true);
  return out;
}

async function walk(entry: FileSystemEntry, prefix: string, out: PendingFile[], top: boolean): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    if (!top && !isImportable(entry.name)) return;
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ name: `${prefix}${entry.name}`, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call; call until it returns none
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) break;
    children.push(...chunk);
  }
  children.sort((a, b) => a.name.localeCompare(b.name, 'sv', { numeric: true }));
  for (const c of children) await walk(c, `${prefix}${entry.name}/`, out, false);
}
