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
  if (bytes.length === 0) throw new UserError('bad-file', 'is empty (0 bytes)', file, 'är tom (0 byte)');
  if (isZip(bytes)) {
    const check = new WellFormedCheck();
    try {
      const archive = await readArchive(bytes, file, limits);
      const qde = findQde(archive, file);
      const where = `${file} (${qde.name})`;
      const xml = decodeXmlBytes(qde.bytes);
      refuseDoctype(xml, where);
      // the model is built while the other thread checks the file; a file it refuses is
      // refused for that, whatever building made of it
      const wellFormed = check.start(qde.bytes);
      let project: RefiProject | undefined;
      let failure: unknown;
      try {
        const root = buildRoot(xml, where);
        if (kindOf(root, where) !== 'project') throw new UserError('bad-file', `${qde.name} is a codebook, not a project`, file, `${qde.name} är en kodbok, inget projekt`);
        project = readProject(root, where);
      } catch (e) {
        failure = e;
      }
      const problem = await wellFormed();
      if (problem) throw notWellFormed(problem, where);
      if (!project) throw failure;
      return { kind: 'project', project, archive, qdeName: qde.name };
    } finally {
      check.close();
    }
  }
  if (bytes.length > limits.maxInflatedBytes) throw new UserError('bad-file', 'is too large for an XML file', file, 'är för stor för en XML-fil');
  const root = parseXml(decodeXmlBytes(bytes), file);
  return kindOf(root, file) === 'project'
    ? { kind: 'project', project: readProject(root, file), archive: null, qdeName: file }
    : { kind: 'codebook', codebook: readCodebook(root, file) };
}
