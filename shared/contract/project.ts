import { z } from 'zod';
import { method } from './define';
import { ProjectInfo } from './entities';

const ProjectPath = z.string().min(1).max(4096);

export const projectMethods = {
  'app.info': method({
    summary: 'Version, host mode and the project that is open, if any.',
    params: z.object({}).strict(),
    result: z.object({
      version: z.string(),
      host: z.enum(['desktop', 'browser', 'cli', 'test']),
      project: z.string().nullable(),
      schemaVersion: z.number().int(),
    }),
  }),
  'project.info': method({
    summary: 'Counts of documents, codes, quotations, memos and coders, and the schema version.',
    params: z.object({}).strict(),
    result: ProjectInfo,
  }),
  'project.create': method({
    summary: 'Create a new project file and make it the open project.',
    params: z.object({ path: ProjectPath, name: z.string().max(200).optional() }).strict(),
    result: ProjectInfo,
  }),
  'project.createSample': method({
    summary: 'Create a project file from the bundled sample corpus (group interviews, field notes, attributes, Table 1 codebook) and make it the open project.',
    params: z.object({ path: ProjectPath }).strict(),
    result: ProjectInfo,
  }),
  'project.open': method({
    summary: 'Open an existing project file (upgraded after a backup copy when older).',
    params: z.object({ path: ProjectPath }).strict(),
    result: ProjectInfo,
  }),
  'project.close': method({
    summary: 'Close the open project.',
    params: z.object({}).strict(),
    result: z.object({ closed: z.boolean() }),
  }),
  'project.setCoder': method({
    summary: 'Set the name under which new coding is recorded.',
    params: z.object({ name: z.string().trim().min(1).max(100) }).strict(),
    result: z.object({ id: z.number().int(), name: z.string() }),
    mutates: true,
  }),
  'project.backup': method({
    summary: 'Write a consistent copy of the open project to a new file (safe while the project is in use).',
    params: z.object({ path: ProjectPath }).strict(),
    result: z.object({ path: z.string(), bytes: z.number().int() }),
  }),
  'project.check': method({
    summary: 'Check the project file: SQLite integrity, foreign keys, and that every quotation and turn lies inside its document.',
    params: z.object({ jobId: z.string().max(100).optional() }).strict(),
    result: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
    job: true,
  }),
  'host.pickFile': method({
    summary: "Ask the desktop host for a file with its own dialog; browser mode and the CLI have none (supported: false), and the UI asks for a path instead.",
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
  'job.cancel': method({
    summary: 'Cancel a running job; work it had not committed is rolled back.',
    params: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  }),
};
