import { z } from 'zod';
import { method } from './define';
import { ProjectInfo } from './entities';

export const CurrentCoder = z.object({ id: z.number().int().nullable(), name: z.string(), guid: z.string().nullable(), chosen: z.boolean() });
import { BrowseDir, ProjectCreatePath, ProjectOpenPath, ServerPath } from './paths';

/** One entry of a folder listing: a sub-folder or a project file. */
export const BrowseEntry = z.object({
  name: z.string(),
  kind: z.enum(['folder', 'project']),
  /** Relative to the browse root, with '/' between folders: what `host.browse` and `project.open` take. */
  path: z.string(),
});
export type BrowseEntry = z.infer<typeof BrowseEntry>;

/** A project opened recently (kept per user, outside every project). */
export const RecentProject = z.object({
  /** What project.open takes: absolute on the desktop and in the CLI, relative to the browse root in browser mode. */
  path: z.string(),
  name: z.string(),
  /** The folder it lies in, for telling two projects of one name apart. */
  folder: z.string(),
  opened: z.string(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const BackupEntry = z.object({ name: z.string(), path: z.string(), bytes: z.number().int(), created: z.string() });
export type BackupEntry = z.infer<typeof BackupEntry>;

/** A project passphrase: any text; kept in memory only. */
export const Passphrase = z.string().min(1).max(1024);

export const projectMethods = {
  'app.info': method({
    summary: 'Version, host mode and the project that is open, if any.',
    params: z.object({}).strict(),
    result: z.object({
      version: z.string(),
      host: z.enum(['desktop', 'browser', 'cli', 'test']),
      project: z.string().nullable(),
      /** An encrypted project the host was asked to open (command line, OS, a restart) that waits for its passphrase. */
      locked: z.string().nullable(),
      schemaVersion: z.number().int(),
    }),
  }),
  'project.info': method({
    summary: 'Counts of documents, codes, quotations, memos and coders, and the schema version.',
    params: z.object({}).strict(),
    result: ProjectInfo,
  }),
  'app.places': method({
    summary:
      'The projects opened recently in the app (newest first, those that still exist; browser mode lists those inside the browse root) and the default folder for new projects (~/Rödtråd unless another was chosen), in the form project.open and host.browse take. With ensureDefaultFolder the default folder is created when missing.',
    params: z.object({ ensureDefaultFolder: z.boolean().optional() }).strict(),
    result: z.object({ recent: z.array(RecentProject), defaultFolder: z.string() }),
  }),
  'app.setDefaultFolder': method({
    summary: 'Make a folder under the browse root (the user\'s home) the default folder for new projects; kept per user.',
    params: z.object({ dir: BrowseDir }).strict(),
    result: z.object({ defaultFolder: z.string() }),
  }),
  'project.create': method({
    summary:
      'Create a new project file and make it the open project. Browser mode: the path is relative to the browse root (or inside it), ".rodtrad" is added when missing, and an existing file is refused.',
    params: z.object({ path: ProjectCreatePath, name: z.string().max(200).optional(), passphrase: Passphrase.optional() }).strict(),
    result: ProjectInfo,
  }),
  'project.saveAs': method({
    summary:
      'Save the open project under a new name ("Save as"): a consistent copy (encrypted projects keep their passphrase) written to a new file, ".rodtrad" added when missing, which then becomes the open project; the old file stays as it was.',
    params: z.object({ path: ProjectCreatePath }).strict(),
    result: ProjectInfo,
  }),
  'project.createSample': method({
    summary:
      'Create a project file from the bundled sample corpus (group interviews, field notes, attributes, Table 1 codebook) and make it the open project. With coded: true it is already coded by two fictional coders, as the app opens it on first start, so the analysis views show content at once.',
    params: z.object({ path: ProjectCreatePath, coded: z.boolean().optional() }).strict(),
    result: ProjectInfo,
  }),
  'project.open': method({
    summary:
      'Open an existing project file (upgraded after a backup copy when older). Browser mode: only a .rodtrad file inside the browse root. An encrypted project needs its passphrase (error passphrase-needed without one, wrong-passphrase for a wrong one; the file is not touched); it is kept in the host process\'s memory only.',
    params: z.object({ path: ProjectOpenPath, passphrase: Passphrase.optional() }).strict(),
    result: ProjectInfo,
  }),
  'project.unlock': method({
    summary:
      'Open the encrypted project the host was asked to open (the desktop\'s command line or OS, `rodtrad serve`, a reopen after a restart) with the passphrase the user typed in the page. It names no file: only the waiting one (app.info locked) can be opened. wrong-passphrase leaves it waiting and the file untouched.',
    params: z.object({ passphrase: Passphrase }).strict(),
    result: ProjectInfo,
  }),
  'project.setPassphrase': method({
    summary:
      'Encrypt the open project with a passphrase, change its passphrase, or (null) decrypt it. The whole file is rewritten under the new key; backups made before keep the key they were made with.',
    params: z.object({ passphrase: Passphrase.nullable() }).strict(),
    result: z.object({ encrypted: z.boolean() }),
  }),
  'project.close': method({
    summary: 'Close the open project.',
    params: z.object({}).strict(),
    result: z.object({ closed: z.boolean() }),
  }),
  'project.coder': method({
    summary:
      'The coder new quotations and code links are recorded under in this project copy: name, GUID (null until the coder first codes or is set) and whether it was chosen (else it is the operating-system user).',
    params: z.object({}).strict(),
    result: CurrentCoder,
  }),
  'project.setCoder': method({
    summary: 'Set the coder (by name) under which new coding in this project copy is recorded; an unknown name becomes a new coder with its own GUID.',
    params: z.object({ name: z.string().trim().min(1).max(100) }).strict(),
    result: z.object({ id: z.number().int(), name: z.string(), guid: z.string() }),
    mutates: true,
  }),
  'project.backup': method({
    summary:
      'Write a consistent copy of the open project to a new file (safe while the project is in use). Without a path (the only form browser mode accepts) the copy goes next to the project as "<name>-backup-<date>.rodtrad".',
    params: z.object({ path: ServerPath.optional() }).strict(),
    result: z.object({ path: z.string(), bytes: z.number().int() }),
  }),
  'project.backups': method({
    summary: 'The automatic backups of the open project (in "<project>.backups/", the last 5, made on opening in the app and every 10 minutes with changes), newest first.',
    params: z.object({}).strict(),
    result: z.array(BackupEntry),
  }),
  'project.restore': method({
    summary:
      'Put a backup in the open project\'s place: one of project.backups by name, or (desktop, CLI) any copy by path. The current file is kept as "<project>.before-restore-<time>"; the restored project is then open.',
    params: z
      .object({
        name: z.string().min(1).max(255).regex(/^[^/\\]+$/).refine((n) => n !== '.' && n !== '..').optional(),
        path: ServerPath.optional(),
      })
      .strict(),
    result: z.object({ restored: z.string(), kept: z.string(), info: ProjectInfo }),
    mutates: true,
  }),
  'project.check': method({
    summary: 'Check the project file: SQLite integrity, foreign keys, and that every quotation and turn lies inside its document.',
    params: z.object({ jobId: z.string().max(100).optional() }).strict(),
    result: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
    job: true,
  }),
  'host.pickFile': method({
    summary: "Ask the desktop host for a file with its own dialog; browser mode and the CLI have none (supported: false): the UI then offers host.browse.",
    params: z
      .object({
        purpose: z.enum(['openProject', 'newProject', 'import', 'export']),
        title: z.string().max(200).optional(),
        defaultName: z.string().max(255).optional(),
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(30).optional(),
        multiple: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ supported: z.boolean(), paths: z.array(z.string()) }),
  }),
  'host.browse': method({
    summary:
      'List the folders and .rodtrad projects in a folder under the browse root (the user\'s home; RODTRAD_BROWSE_ROOT overrides it), for the browser-mode project dialog. Hidden entries are left out; nothing that resolves outside the root is listed or entered.',
    params: z.object({ dir: BrowseDir.optional() }).strict(),
    result: z.object({
      /** The folder listed, relative to the root ('' = the root). */
      dir: z.string(),
      /** Its parent relative to the root, null at the root. */
      parent: z.string().nullable(),
      /** The root's own folder name, for the first crumb of a breadcrumb. */
      rootName: z.string(),
      /** Folders first, then projects, each sorted by name. */
      entries: z.array(BrowseEntry),
    }),
  }),
  'job.cancel': method({
    summary: 'Cancel a running job; work it had not committed is rolled back.',
    params: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  }),
};
