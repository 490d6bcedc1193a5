/**
 * A REFI-QDA file's bytes → its model: a zip (`.qdpx`, or one renamed `.zip`) with its
 * `.qde` and sources, a bare `.qde`, or a `.qdc`. The kind is taken from the root element,
 * not the extension, so a codebook arriving where a project was expected is named as such.
 */
import { UserError } from '../errors';
import { DEFAULT_ARCHIVE_LIMITS, findQde, isZip, readArchive, type Archive, type ArchiveLimits } from './archive';
import type { RefiCodebook, RefiProject } from './model';
import { kindOf, readCodebook, readProject } from './read-project';
import { WellFormedCheck } from './well-formed';
import { buildRoot, decodeXmlBytes, notWellFormed, parseXml, refuseDoctype } from './xml';

export type LoadedRefi =
  | { kind: 'project'; project: RefiProject; archive: Archive | null; qdeName: string }
  | { kind: 'codebook'; codebook: RefiCodebook };

export async function loadRefi(bytes: Buffer, file: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<LoadedRefi> {
  return (await loadRefiWith(bytes, file, limits, () => undefined)).loaded;
}

/**
 * Loads the file and runs `beside` on what it holds while the other thread still checks
 * that the file is well-formed (the import plans its documents meanwhile). A file the check
 * refuses is refused for that, whatever building or `beside` made of it.
 */
export async function loadRefiWith<T>(bytes: Buffer, file: string, limits: ArchiveLimits, beside: (loaded: LoadedRefi) => T): Promise<{ loaded: LoadedRefi; result: T }> {
  if (bytes.length === 0) throw new UserError('bad-file', 'is empty (0 bytes)', file, 'är tom (0 byte)');
  if (isZip(bytes)) {
    const check = new WellFormedCheck();
    try {
      const archive = await readArchive(bytes, file, limits);
      const qde = findQde(archive, file);
      const where = `${file} (${qde.name})`;
      const xml = decodeXmlBytes(qde.bytes);
      refuseDoctype(xml, where);
      const wellFormed = check.start(qde.bytes);
      let done: { loaded: LoadedRefi; result: T } | undefined;
      let failure: unknown;
      try {
        const root = buildRoot(xml, where);
        if (kindOf(root, where) !== 'project') throw new UserError('bad-file', `${qde.name} is a codebook, not a project`, file, `${qde.name} är en kodbok, inget projekt`);
        const loaded: LoadedRefi = { kind: 'project', project: readProject(root, where), archive, qdeName: qde.name };
        done = { loaded, result: beside(loaded) };
      } catch (e) {
        failure = e;
      }
      const problem = await wellFormed();
      if (problem) throw notWellFormed(problem, where);
      if (!done) throw failure;
      return done;
    } finally {
      check.close();
    }
  }
  if (bytes.length > limits.maxInflatedBytes) throw new UserError('bad-file', 'is too large for an XML file', file, 'är för stor för en XML-fil');
  const root = parseXml(decodeXmlBytes(bytes), file);
  const loaded: LoadedRefi =
    kindOf(root, file) === 'project'
      ? { kind: 'project', project: readProject(root, file), archive: null, qdeName: file }
      : { kind: 'codebook', codebook: readCodebook(root, file) };
  return { loaded, result: beside(loaded) };
}
