/**
 * A REFI-QDA file's bytes → its model: a zip (`.qdpx`, or one renamed `.zip`) with its
 * `.qde` and sources, a bare `.qde`, or a `.qdc`. The kind is taken from the root element,
 * not the extension, so a codebook arriving where a project was expected is named as such.
 */
import { UserError } from '../errors';
import { DEFAULT_ARCHIVE_LIMITS, findQde, isZip, readArchive, type Archive, type ArchiveLimits } from './archive';
import type { RefiCodebook, RefiProject } from './model';
import { buildAndRead, kindOf, readCodebook, readProject } from './read-project';
import { RefiHelper, type HelperOptions } from './helper-thread';
import { prepareSource, type PreparedSource, type SourceInput } from './prepare-source';
import { decodeXmlBytes, notWellFormed, parseXml, refuseDoctype, xmlByteString } from './xml';

export type LoadedRefi =
  | { kind: 'project'; project: RefiProject; archive: Archive | null; qdeName: string }
  | { kind: 'codebook'; codebook: RefiCodebook };

export async function loadRefi(bytes: Buffer, file: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<LoadedRefi> {
  return (await loadRefiWith(bytes, file, limits, () => undefined)).loaded;
}

/** What `beside` may ask of the second thread (helper-thread.ts). */
export interface SecondThread {
  /** Throws where the file is not well-formed; waits for the check. Call it before committing anything. */
  verdict(): Promise<void>;
  /** Prepares the sources, shared between the threads; source i is asked for in order. */
  prepare(inputs: readonly (SourceInput | null)[], origin: string | null): (index: number) => Promise<PreparedSource>;
}

/** A bare .qde is parsed (and so checked) before `beside` runs, and its sources are prepared here. */
const ONE_THREAD: SecondThread = { verdict: () => Promise.resolve(), prepare: (inputs, origin) => (i) => Promise.resolve(prepareSource(inputs[i]!, origin)) };

/**
 * Loads the file and runs `beside` on what it holds while the second thread still checks
 * that the file is well-formed (the import writes its documents meanwhile, and asks for the
 * verdict before it commits). A file the check refuses is refused for that, whatever
 * building or `beside` made of it.
 */
export async function loadRefiWith<T>(
  bytes: Buffer,
  file: string,
  limits: ArchiveLimits,
  beside: (loaded: LoadedRefi, thread: SecondThread) => T | Promise<T>,
  helperOptions?: HelperOptions,
): Promise<{ loaded: LoadedRefi; result: T }> {
  if (bytes.length === 0) throw new UserError('bad-file', 'is empty (0 bytes)', file, 'är tom (0 byte)');
  if (isZip(bytes)) {
    const helper = new RefiHelper(helperOptions);
    try {
      // the check only reads (it expands no entity), so it starts as soon as project.qde is
      // inflated, before the sources are and before the DOCTYPE test
      let checking: string | undefined;
      const archive = await readArchive(bytes, file, limits, (name, entry) => {
        if (checking === undefined && name.toLowerCase() === 'project.qde') {
          checking = name;
          helper.check(entry);
        }
      });
      const qde = findQde(archive, file);
      const where = `${file} (${qde.name})`;
      if (qde.name !== checking) helper.check(qde.bytes);
      const { xml, bytewise } = xmlByteString(qde.bytes);
      refuseDoctype(xml, where);
      const thread: SecondThread = {
        verdict: async () => {
          const problem = await helper.verdict();
          if (problem) throw notWellFormed(problem, where);
        },
        prepare: (inputs, origin) => helper.prepare(inputs, origin),
      };
      let done: { loaded: LoadedRefi; result: T } | undefined;
      let failure: unknown;
      try {
        // each source is read as its element closes, and its subtree dropped while young
        const { root, project } = buildAndRead(xml, where, bytewise);
        if (kindOf(root, where) !== 'project') throw new UserError('bad-file', `${qde.name} is a codebook, not a project`, file, `${qde.name} är en kodbok, inget projekt`);
        const loaded: LoadedRefi = { kind: 'project', project: project(), archive, qdeName: qde.name };
        done = { loaded, result: await beside(loaded, thread) };
      } catch (e) {
        failure = e;
      }
      await thread.verdict();
      if (!done) throw failure;
      return done;
    } finally {
      helper.close();
    }
  }
  if (bytes.length > limits.maxInflatedBytes) throw new UserError('bad-file', 'is too large for an XML file', file, 'är för stor för en XML-fil');
  const root = parseXml(decodeXmlBytes(bytes), file);
  const loaded: LoadedRefi =
    kindOf(root, file) === 'project'
      ? { kind: 'project', project: readProject(root, file), archive: null, qdeName: file }
      : { kind: 'codebook', codebook: readCodebook(root, file) };
  return { loaded, result: await beside(loaded, ONE_THREAD) };
}
