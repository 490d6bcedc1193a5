/**
 * What one host holds between calls: the open project, running jobs and event listeners.
 * Desktop and browser mode keep one session for the app; the CLI makes one per command.
 */
import os from 'node:os';
import path from 'node:path';
import type { AppEvent } from '../../../shared/contract';
import { UserError } from '../errors';
import { forgetPassphrase } from '../db/driver';
import { prewarmJobs } from '../jobs/run';
import { AutoBackups, makeAutoBackup } from '../project/auto-backup';
import { backupProject } from '../project/backup';
import { PROJECT_EXTENSION, Project } from '../project/project';
import { passphraseFor } from '../db/driver';
import { rememberRecent } from '../host/user-settings';

/** A new project's file always carries the extension: a bare name would make a file nothing opens. */
export function withProjectExtension(file: string): string {
  return file.endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
}

export type HostKind = 'desktop' | 'browser' | 'cli' | 'test';

export interface PickFileRequest {
  purpose: 'openProject' | 'newProject' | 'import' | 'export';
  title?: string;
  defaultName?: string;
  extensions?: string[];
  multiple?: boolean;
}

/** Native file dialogs, which only the desktop host has; the paths they return are the user's choice. */
export interface HostDialogs {
  pickFile(request: PickFileRequest): Promise<string[]>;
}
export type Listener = (event: AppEvent) => void;

export interface SessionOptions {
  /**
   * The folder tree browser mode may open and create projects in (host.browse, project.open,
   * project.create). Default: RODTRAD_BROWSE_ROOT, else the user's home.
   */
  browseRoot?: string;
}

export class Session {
  readonly host: HostKind;
  private current: Project | null = null;
  private readonly listeners = new Set<Listener>();
  readonly jobs = new Map<string, AbortController>();
  dialogs: HostDialogs | undefined;
  readonly browseRoot: string;
  /** Files the desktop's native dialogs returned: the only paths a desktop page may name. */
  private readonly picked = new Set<string>();
  /**
   * A project the host was asked to open (the desktop's command line or OS, `rodtrad serve`)
   * that is encrypted: it waits here for the page to ask the user for its passphrase and
   * send it with `project.unlock`. Only the file name is kept, never a passphrase.
   */
  private lockedFile: string | null = null;
  /** The app's rotating backups of the open project (desktop and browser mode). */
  private backups: { auto: AutoBackups; timer: NodeJS.Timeout } | null = null;

  constructor(host: HostKind, project: Project | null = null, options: SessionOptions = {}) {
    this.host = host;
    this.current = project;
    this.browseRoot = options.browseRoot ?? (process.env.RODTRAD_BROWSE_ROOT || os.homedir());
  }

  rememberPicked(paths: readonly string[]): void {
    for (const p of paths) this.picked.add(path.resolve(p));
  }

  wasPicked(file: string): boolean {
    return this.picked.has(path.resolve(file));
  }

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new UserError('no-project', 'no project is open', undefined, 'inget projekt är öppet');
    return this.current;
  }

  openProject(file: string, passphrase?: string): Project {
    const p = Project.open(file, { passphrase });
    this.lockedFile = null;
    this.replace(p);
    return p;
  }

  get locked(): string | null {
    return this.lockedFile;
  }

  /**
   * Opens a file the host names (not the page), or, when it is encrypted, keeps it waiting
   * for its passphrase (`locked`, event `locked`). Other errors are thrown as they are.
   */
  openOrLock(file: string): Project | null {
    try {
      return this.openProject(file);
    } catch (e) {
      if (!(e instanceof UserError) || e.code !== 'passphrase-needed') throw e;
      this.lock(file);
      return null;
    }
  }

  /** Closes what is open and keeps file waiting for its passphrase (see `locked`). */
  lock(file: string): void {
    this.replace(null);
    this.lockedFile = path.resolve(file);
    this.emit({ type: 'locked', file: this.lockedFile });
  }

  /** Opens the waiting encrypted project with the passphrase the user typed. */
  unlock(passphrase: string): Project {
    const file = this.lockedFile;
    if (!file) throw new UserError('nothing-locked', 'no encrypted project is waiting for its passphrase', undefined, 'inget krypterat projekt väntar på sin lösenfras');
    return this.openProject(file, passphrase);
  }

  createProject(file: string, name?: string, passphrase?: string): Project {
    const p = Project.create(withProjectExtension(file), { name, passphrase });
    this.replace(p);
    return p;
  }

  /**
   * "Save as": a consistent copy of the open project in a new file, which becomes the open
   * project (with the same passphrase when encrypted); the old file is left as it was.
   */
  saveProjectAs(file: string): Project {
    const current = this.requireProject();
    const target = withProjectExtension(path.resolve(file));
    const passphrase = current.encrypted ? passphraseFor(current.file) : undefined;
    backupProject(current, target);
    return this.openProject(target, passphrase);
  }

  /** Makes a project the core built itself (the sample project) the open one. */
  adoptProject(p: Project): Project {
    this.replace(p);
    return p;
  }

  closeProject(): boolean {
    this.lockedFile = null;
    const had = this.current !== null;
    this.replace(null);
    return had;
  }

  private replace(p: Project | null): void {
    for (const c of this.jobs.values()) c.abort();
    this.jobs.clear();
    this.stopBackups();
    const previous = this.current;
    previous?.close();
    // a closed project's passphrase (and its derived key) does not stay in memory
    if (previous && previous.file !== p?.file) forgetPassphrase(previous.file);
    this.current = p;
    // the app's first import or check should not wait for a worker thread to start
    if (p && (this.host === 'desktop' || this.host === 'browser')) {
      prewarmJobs();
      try {
        rememberRecent(p.file, new Date());
      } catch {
        // a user data folder that cannot be written costs the recent list, never the project
      }
      this.startBackups(p);
    }
    this.emit({ type: 'project', file: p?.file ?? null });
  }

  /** A backup on opening, then one every AUTO_BACKUP_MINUTES with changes (checked each minute). */
  private startBackups(p: Project): void {
    if (p.readOnly) return;
    try {
      makeAutoBackup(p, new Date());
    } catch {
      // a backup that cannot be written (a full disk) must not keep the project from opening;
      // project.backups shows which copies exist
    }
    const auto = new AutoBackups(p, new Date());
    const timer = setInterval(() => {
      try {
        auto.tick(new Date());
      } catch {
        // tried again at the next tick
      }
    }, 60_000);
    timer.unref();
    this.backups = { auto, timer };
  }

  private stopBackups(): void {
    if (this.backups) clearInterval(this.backups.timer);
    this.backups = null;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    if (event.type === 'changed') this.backups?.auto.changed();
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a broken listener (closed connection) must not break the work that emitted
      }
    }
  }

  dispose(): void {
    this.replace(null);
    this.listeners.clear();
  }
}
