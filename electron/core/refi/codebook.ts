/**
 * REFI-QDA codebooks (.qdc): the project's code tree written as `<CodeBook>` in the standard
 * namespace, and a `.qdc` read (any `urn:QDA-XML:` namespace, an empty `<Sets/>` accepted,
 * as Taguette, NVivo and MAXQDA write them).
 */
import { UserError } from '../errors';
import type { Replacer } from '../privacy/pseudonymise';
import type { Project } from '../project/project';
import { appVersion } from '../version';
import type { CodeRecord } from '../coding/codes';
import type { RefiCodebook } from './model';
import { kindOf, readCodebook } from './read-project';
import { decodeXmlBytes, escAttr, escText, parseXml, stripIllegal } from './xml';

/** The code tree as a `.qdc`; `pseudonymise` applies the pseudonym list to names and definitions. */
export function buildQdc(p: Project, pseudonymise?: Replacer): { xml: string; codes: number; replacements: number } {
  let replacements = 0;
  const P = (s: string): string => {
    if (!pseudonymise) return s;
    const r = pseudonymise(s);
    replacements += r.count;
    return r.text;
  };
  const codes = p.db.prepare('SELECT id, guid, parent_id, name, definition, color FROM codes ORDER BY position, id').all() as CodeRecord[];
  if (codes.length === 0) throw new UserError('bad-input', 'the project has no codes to export (a codebook needs at least one)', p.file, 'projektet har inga koder att exportera (en kodbok behöver minst en)');
  const children = new Map<number | null, CodeRecord[]>();
  for (const c of codes) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
  const a = (n: string, v: string): string => ` ${n}="${escAttr(stripIllegal(v))}"`;
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n', `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"${a('origin', `Rödtråd ${appVersion()}`)}>\n<Codes>\n`];
  const write = (c: CodeRecord): void => {
    const kids = children.get(c.id) ?? [];
    const head = `<Code${a('guid', c.guid)}${a('name', P(c.name))} isCodable="true"${a('color', c.color)}`;
    if (!c.definition && kids.length === 0) {
      out.push(`${head}/>\n`);
      return;
    }
    out.push(`${head}>`, c.definition ? `<Description>${escText(stripIllegal(P(c.definition)))}</Description>` : '', '\n');
    kids.forEach(write);
    out.push('</Code>\n');
  };
  (children.get(null) ?? []).forEach(write);
  out.push('</Codes>\n</CodeBook>\n');
  return { xml: out.join(''), codes: codes.length, replacements };
}

/** A `.qdc`'s bytes → its codebook; a project file given instead is named as such. */
export function parseQdc(bytes: Buffer, file: string): RefiCodebook {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    throw new UserError('bad-file', 'is a zip archive (a .qdpx project?), not a codebook (.qdc)', file, 'är ett zip-arkiv (ett .qdpx-projekt?), ingen kodbok (.qdc)');
  }
  const root = parseXml(decodeXmlBytes(bytes), file);
  if (kindOf(root, file) !== 'codebook') throw new UserError('bad-file', 'is a REFI-QDA project, not a codebook (.qdc); import it as a project', file, 'är ett REFI-QDA-projekt, ingen kodbok (.qdc); importera det som projekt');
  return readCodebook(root, file);
}
