/**
 * The messages between the desktop main process and the core process (a utilityProcess in
 * the app, a `child_process.fork` in tests and the benchmark). Pure: no Electron, no core,
 * so both ends can import it. Every message is checked on arrival; a process that receives
 * something it cannot parse says so instead of guessing.
 *
 * main → core: `call` (one API method), `open` (the project from argv or the sample),
 * `dialog-reply` (the answer to a native dialog the core asked for), `shutdown`.
 * core → main: `ready` (once, when it listens), `reply` (to `call`/`open`, by id), `event`
 * (progress, changed, project), `dialog` (the core's `host.pickFile` asking for a native dialog).
 */
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { AppEvent } from '../../shared/contract/events';

/** Same shape as `WireError` in electron/core/api/dispatch.ts, which this side must not import. */
export const WireErrorSchema = z
  .object({ code: z.string(), message: z.string(), file: z.string().optional(), messageSv: z.string().optional() })
  .strict();
export type WireErrorShape = z.infer<typeof WireErrorSchema>;

/** What every host sends back for a call; also what the renderer receives over IPC. */
export type CoreReply = { ok: true; result: unknown } | { ok: false; error: WireErrorShape };

const RequestId = z.number().int().nonnegative();
export const DialogRequestSchema = contract['host.pickFile'].params;

const toCore = {
  call: z.object({ type: z.literal('call'), id: RequestId, method: z.string().min(1).max(100), params: z.unknown() }).strict(),
  // sample: create the sample project at `file` first when it is not there yet
  open: z.object({ type: z.literal('open'), id: RequestId, file: z.string().min(1).max(4096), sample: z.boolean() }).strict(),
  'dialog-reply': z.union([
    z.object({ type: z.literal('dialog-reply'), id: RequestId, paths: z.array(z.string()) }).strict(),
    z.object({ type: z.literal('dialog-reply'), id: RequestId, error: z.string() }).strict(),
  ]),
  shutdown: z.object({ type: z.literal('shutdown') }).strict(),
};
export type ToCore = { [K in keyof typeof toCore]: z.infer<(typeof toCore)[K]> }[keyof typeof toCore];

const fromCore = {
  ready: z.object({ type: z.literal('ready'), pid: z.number().int() }).strict(),
  reply: z.union([
    z.object({ type: z.literal('reply'), id: RequestId, ok: z.literal(true), result: z.unknown() }).strict(),
    z.object({ type: z.literal('reply'), id: RequestId, ok: z.literal(false), error: WireErrorSchema }).strict(),
  ]),
  event: z.object({ type: z.literal('event'), event: AppEvent }).strict(),
  dialog: z.object({ type: z.literal('dialog'), id: RequestId, request: DialogRequestSchema }).strict(),
};
export type FromCore = { [K in keyof typeof fromCore]: z.infer<(typeof fromCore)[K]> }[keyof typeof fromCore];

export type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string; id?: number };

/** Picks the schema by `type` first, so a problem names the field rather than "no variant matched". */
function parse<T>(schemas: Record<string, z.ZodType>, raw: unknown): Parsed<T> {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  // the id, when there is one, lets the receiver answer the request it could not read
  const id = typeof record?.id === 'number' ? { id: record.id } : {};
  const type = record?.type;
  const schema = typeof type === 'string' && Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) return { ok: false, problem: `type: expected one of ${Object.keys(schemas).join(', ')}`, ...id };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data as T };
  const problem = r.error.issues.map((i) => `${i.path.join('.') || type}: ${i.message}`).join('; ');
  return { ok: false, problem, ...id };
}

export const parseToCore = (raw: unknown): Parsed<ToCore> => parse<ToCore>(toCore, raw);
export const parseFromCore = (raw: unknown): Parsed<FromCore> => parse<FromCore>(fromCore, raw);

/** What the core process file is called next to main.mjs in dist/. */
export const CORE_PROCESS_FILE = 'core-process.mjs';
