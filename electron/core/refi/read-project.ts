/**
 * The XML tree of a `project.qde` or a `.qdc` → the REFI model. Names are matched by local
 * name under any `urn:QDA-XML:` namespace (vendors write `1.0`, `1:0` and `0:4`) or none; any
 * other namespace is refused. Every `guid` must be a GUID and unique; every reference must
 * lead somewhere: a file that breaks either is refused whole, naming the element.
 */
import { UserError } from '../errors';
import {
  flattenCodes,
  guidKey,
  isGuid,
  type RefiCase,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiNote,
  type RefiOtherSource,
  type RefiProject,
  type RefiSelection,
  type RefiSet,
  type RefiTextSource,
  type RefiUser,
  type RefiVariable,
  type RefiVariableValue,
  type VariableType,
} from './model';
import { buildRoot, child, childAttrs, childrenNamed, namespaceOf, type XNode } from './xml';

export type RefiKind = 'project' | 'codebook';

const bad = (file: string, en: string, sv: string): UserError => new UserError('bad-file', en, file, sv);

/** What the root says the file is; refuses an unknown root element or namespace. */
export function kindOf(root: XNode, file: string): RefiKind {
  const ns = namespaceOf(root);
  if (ns !== null && !/^urn:QDA-XML:(project|codebook):/i.test(ns.trim())) {
    throw bad(file, `uses the namespace "${ns}", which is not REFI-QDA (urn:QDA-XML:project:1.0 or urn:QDA-XML:codebook:1.0)`, `använder namnrymden ”${ns}”, som inte är REFI-QDA (urn:QDA-XML:project:1.0 eller urn:QDA-XML:codebook:1.0)`);
  }
  if (root.name === 'Project') return 'project';
  if (root.name === 'CodeBook') return 'codebook';
  throw bad(file, `has the root element <${root.name}>, not <Project> or <CodeBook>`, `har rotelementet <${root.name}>, inte <Project> eller <CodeBook>`);
}

/** Collects every guid, checking form and uniqueness. */
class GuidIndex {
  private readonly seen = new Map<string, string>();
  constructor(private readonly file: string) {}
  take(n: XNode, attr = 'guid'): string {
    const raw = n.attrs[attr];
    if (raw === undefined || !isGuid(raw)) {
      if (raw === undefined || raw.trim() === '') throw bad(this.file, `a <${n.name}> has no ${attr}`, `ett <${n.name}> saknar ${attr}`);
      throw bad(this.file, `the <${n.name}> ${describe(n)}has the invalid GUID "${raw}"`, `<${n.name}> ${describe(n)}har det ogiltiga GUID:t ”${raw}”`);
    }
    const key = guidKey(raw);
    const other = this.seen.get(key);
    if (other) throw bad(this.file, `the GUID ${raw} is used twice (<${other}> and <${n.name}>)`, `GUID:t ${raw} används två gånger (<${other}> och <${n.name}>)`);
    this.seen.set(key, n.name);
    // a plain GUID (36 characters) has nothing around it to trim
    return raw.length === 36 ? raw : raw.trim();
  }
  has(ref: string): boolean {
    return this.seen.has(guidKey(ref));
  }
  kind(ref: string): string | undefined {
    return this.seen.get(guidKey(ref));
  }
}

function describe(n: XNode): string {
  return n.attrs.name ? `"${n.attrs.name}" ` : '';
}

const opt = (n: XNode, a: string): string | null => {
  const v = n.attrs[a];
  return v === undefined || v === '' ? null : v;
};
const textOf = (n: XNode | undefined): string | null => (n ? n.text : null);
/** A Description: blank ones (NVivo and MAXQDA write `<Description/>`) are none. */
const describedBy = (n: XNode): string | null => {
  const d = child(n, 'Description');
  return d && d.text.trim() !== '' ? d.text : null;
};

function bool(v: string | undefined): boolean {
  return v === undefined ? true : v.trim() === 'true' || v.trim() === '1';
}

function readCodes(parent: XNode, ids: GuidIndex, file: string, refs: 'targetGUID' | 'none'): RefiCode[] {
  return childrenNamed(parent, 'Code').map((c) => {
    const guid = ids.take(c);
    const name = c.attrs.name;
    if (name === undefined || name.trim() === '') throw bad(file, `the code ${guid} has no name`, `koden ${guid} saknar namn`);
    return {
      guid,
      name,
      isCodable: bool(c.attrs.isCodable),
      color: normaliseColor(c.attrs.color),
      description: describedBy(c),
      noteRefs: refs === 'none' ? [] : noteRefs(c),
      children: readCodes(c, ids, file, refs),
    };
  });
}

/** `#RGB` → `#rrggbb`; anything else that is not a colour is dropped. */
export function normaliseColor(v: string | undefined): string | null {
  if (!v) return null;
  const t = v.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(t)) return t.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(t)) return `#${[...t.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}

const noteRefs = (n: XNode): string[] => childAttrs(n, 'NoteRef', 'targetGUID');

function readCodings(n: XNode, ids: GuidIndex): RefiCoding[] {
  const out: RefiCoding[] = [];
  for (const c of n.children) {
    if (c.name !== 'Coding') continue;
    out.push({ guid: ids.take(c), codeGuid: child(c, 'CodeRef')?.attrs.targetGUID ?? '', user: opt(c, 'creatingUser'), created: opt(c, 'creationDateTime') });
  }
  return out;
}

function int(n: XNode, attr: string, file: string): number {
  const v = (n.attrs[attr] ?? '').trim();
  if (!/^[+-]?\d+$/.test(v)) throw bad(file, `the <${n.name}> ${n.attrs.guid ?? ''} has ${attr}="${v}", which is not a whole number`, `<${n.name}> ${n.attrs.guid ?? ''} har ${attr}=”${v}”, som inte är ett heltal`);
  return Number(v);
}

function readValues(n: XNode): RefiVariableValue[] {
  return childrenNamed(n, 'VariableValue').map((v) => {
    const value = v.children.find((c) => c.name !== 'VariableRef');
    return { variableGuid: child(v, 'VariableRef')?.attrs.targetGUID ?? '', value: value?.text.trim() ?? '' };
  });
}

function readTextSource(s: XNode, ids: GuidIndex, file: string): RefiTextSource {
  const guid = ids.take(s);
  return {
    guid,
    name: opt(s, 'name'),
    plainTextPath: opt(s, 'plainTextPath'),
    richTextPath: opt(s, 'richTextPath'),
    inlineText: textOf(child(s, 'PlainTextContent')),
    description: describedBy(s),
    selections: childrenNamed(s, 'PlainTextSelection').map(
      (sel): RefiSelection => ({
        guid: ids.take(sel),
        name: opt(sel, 'name'),
        start: int(sel, 'startPosition', file),
        end: int(sel, 'endPosition', file),
        user: opt(sel, 'creatingUser'),
        created: opt(sel, 'creationDateTime'),
        modified: opt(sel, 'modifiedDateTime'),
        description: describedBy(sel),
        codings: readCodings(sel, ids),
        noteRefs: noteRefs(sel),
      }),
    ),
    codings: readCodings(s, ids),
    noteRefs: noteRefs(s),
    values: readValues(s),
    user: opt(s, 'creatingUser'),
    created: opt(s, 'creationDateTime'),
    modified: opt(s, 'modifiedDateTime'),
  };
}

/**
 * A source that is skipped: its own GUID is taken (sets may name it) and its codings are
 * counted; what is inside it is not read (the spec's own example reuses a selection's GUID
 * in a PDF's text representation).
 */
function readOtherSource(s: XNode, ids: GuidIndex): RefiOtherSource {
  const guid = ids.take(s);
  let codings = 0;
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === 'Coding') codings++;
      walk(c);
    }
  };
  walk(s);
  const kind = s.name.replace(/Source$/, '') as RefiOtherSource['kind'];
  return { guid, name: s.attrs.name || s.attrs.path || guid, kind, codings };
}

function readSets(parent: XNode | undefined, ids: GuidIndex, memberAttr: 'targetGUID' | 'guid'): RefiSet[] {
  if (!parent) return [];
  return childrenNamed(parent, 'Set').map((s) => ({
    guid: ids.take(s),
    name: s.attrs.name ?? '',
    description: describedBy(s),
    memberCodes: childAttrs(s, 'MemberCode', memberAttr),
    memberSources: childAttrs(s, 'MemberSource', 'targetGUID'),
    memberNotes: childAttrs(s, 'MemberNote', 'targetGUID'),
  }));
}

const VARIABLE_TYPES: VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

/**
 * Reads a project section by section in document order: from a whole tree (readProject), or
 * as the tree builder closes each element (load.ts), so that each source's subtree is read
 * and dropped while it is young instead of outliving the whole parse. Only the first element
 * of each section counts, as in a tree read from the top. What fails is kept and thrown by
 * finish(), after the root has been checked (a file with a foreign root or namespace is
 * refused for that first).
 */
export class ProjectReader {
  private readonly ids: GuidIndex;
  private users: RefiUser[] = [];
  private codes: RefiCode[] = [];
  private variables: RefiVariable[] = [];
  private cases: RefiCase[] = [];
  private readonly textSources: RefiTextSource[] = [];
  private readonly otherSources: RefiOtherSource[] = [];
  private notes: RefiNote[] = [];
  private links: RefiProject['links'] = [];
  private sets: RefiSet[] = [];
  private graphs: number | null = null;
  private readonly read = new Set<string>();
  private sources: XNode | undefined;
  private failure: { error: unknown } | undefined;

  constructor(private readonly file: string) {
    this.ids = new GuidIndex(file);
  }

  /**
   * An element just closed, `depth` below the root (the root's children are at 1), under
   * `parent`. True when it was read and the builder may drop it: each source of the first
   * `<Sources>`, and the first of each other section.
   */
  closed(node: XNode, depth: number, parent: XNode | undefined): boolean {
    if (this.failure) return false;
    try {
      if (depth === 2 && parent?.name === 'Sources' && !this.read.has('Sources')) {
        this.sources ??= parent;
        if (parent === this.sources) return this.source(node);
      }
      if (depth === 1) return this.section(node);
    } catch (e) {
      this.failure = { error: e };
    }
    return false;
  }

  private source(s: XNode): boolean {
    if (s.name === 'TextSource') this.textSources.push(readTextSource(s, this.ids, this.file));
    else if (/^(PDF|Picture|Audio|Video)Source$/.test(s.name)) this.otherSources.push(readOtherSource(s, this.ids));
    else return false;
    return true;
  }

  private section(n: XNode): boolean {
    if (this.read.has(n.name)) return false;
    const ids = this.ids;
    switch (n.name) {
      case 'Users':
        this.users = childrenNamed(n, 'User').map((u) => ({ guid: ids.take(u), name: u.attrs.name || u.attrs.id || u.attrs.guid! }));
        break;
      case 'CodeBook': {
        const codesNode = child(n, 'Codes');
        this.codes = codesNode ? readCodes(codesNode, ids, this.file, 'targetGUID') : [];
        break;
      }
      case 'Variables':
        this.variables = childrenNamed(n, 'Variable').map((v) => {
          const type = (v.attrs.typeOfVariable ?? 'Text') as VariableType;
          return { guid: ids.take(v), name: v.attrs.name ?? '', type: VARIABLE_TYPES.includes(type) ? type : 'Text' };
        });
        break;
      case 'Cases':
        this.cases = childrenNamed(n, 'Case').map((c) => ({ guid: ids.take(c), name: opt(c, 'name'), sourceRefs: childAttrs(c, 'SourceRef', 'targetGUID'), values: readValues(c) }));
        break;
      case 'Sources':
        // read source by source as they closed; a tree read whole brings them here
        if (this.sources !== n) for (const s of n.children) this.source(s);
        break;
      case 'Notes':
        this.notes = childrenNamed(n, 'Note').map((note) => readNote(note, ids));
        break;
      case 'Links':
        this.links = childrenNamed(n, 'Link').map((l) => ({ guid: ids.take(l), origin: opt(l, 'originGUID'), target: opt(l, 'targetGUID') }));
        break;
      case 'Sets':
        this.sets = readSets(n, ids, 'targetGUID');
        break;
      case 'Graphs': {
        const walk = (g: XNode): void => {
          for (const c of g.children) {
            if (c.attrs.guid !== undefined) ids.take(c);
            walk(c);
          }
        };
        walk(n);
        this.graphs = childrenNamed(n, 'Graph').length;
        break;
      }
      default:
        return false;
    }
    this.read.add(n.name);
    // the sources' own elements are gone already; the other sections are small
    return n.name === 'Sources';
  }

  /** The project, with every reference checked. */
  finish(root: XNode): RefiProject {
    if (this.failure) throw this.failure.error;
    const project: RefiProject = {
      name: root.attrs.name ?? '',
      origin: opt(root, 'origin'),
      created: opt(root, 'creationDateTime'),
      modified: opt(root, 'modifiedDateTime'),
      creatingUser: opt(root, 'creatingUserGUID'),
      description: describedBy(root),
      users: this.users,
      codes: this.codes,
      textSources: this.textSources,
      otherSources: this.otherSources,
      notes: this.notes,
      sets: this.sets,
      variables: this.variables,
      cases: this.cases,
      links: this.links,
      noteRefs: noteRefs(root),
      ignored: this.graphs !== null ? { Graph: this.graphs } : {},
    };
    checkReferences(project, this.ids, this.file);
    return project;
  }
}

function readNote(n: XNode, ids: GuidIndex): RefiNote {
  const guid = ids.take(n);
  let selectionCodings = 0;
  for (const sel of childrenNamed(n, 'PlainTextSelection')) {
    ids.take(sel);
    selectionCodings += childrenNamed(sel, 'Coding').length;
  }
  return {
    guid,
    name: opt(n, 'name'),
    plainTextPath: opt(n, 'plainTextPath'),
    inlineText: textOf(child(n, 'PlainTextContent')),
    user: opt(n, 'creatingUser'),
    created: opt(n, 'creationDateTime'),
    modified: opt(n, 'modifiedDateTime'),
    selectionCodings,
  };
}

/**
 * The tree of a `.qde` with each source read as its element closes and then dropped from it
 * (ProjectReader); `project()` gives the project once the root has been checked (kindOf).
 */
export function buildAndRead(xml: string, file: string, bytewise: boolean): { root: XNode; project: () => RefiProject } {
  const reader = new ProjectReader(file);
  const root = buildRoot(xml, file, bytewise, (node, depth, parent) => reader.closed(node, depth, parent));
  return { root, project: () => readProject(root, file, reader) };
}

/** A whole tree read section by section, as ProjectReader reads one being built. */
export function readProject(root: XNode, file: string, reader = new ProjectReader(file)): RefiProject {
  for (const c of root.children) reader.closed(c, 1, root);
  return reader.finish(root);
}

/** Every reference must name an element of the right kind; a dangling one refuses the file. */
function checkReferences(p: RefiProject, ids: GuidIndex, file: string): void {
  const expect = (ref: string, kinds: string[], where: string): void => {
    const kind = ids.kind(ref);
    if (!ref || !kind || !kinds.includes(kind)) {
      throw bad(file, `${where} refers to "${ref}", which is no ${kinds.join(' or ')} in the file (a dangling reference)`, `${where} hänvisar till ”${ref}”, som inte är något ${kinds.join(' eller ')} i filen (en hängande referens)`);
    }
  };
  const SOURCE_KINDS = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];
  const codeRefs = (codings: RefiCoding[], where: string): void => codings.forEach((c) => expect(c.codeGuid, ['Code'], `a coding in ${where}`));
  const notes = (refs: string[], where: string): void => refs.forEach((r) => expect(r, ['Note'], `a NoteRef in ${where}`));
  notes(p.noteRefs, 'the project');
  for (const c of flattenCodes(p.codes)) notes(c.noteRefs, `the code "${c.name}"`);
  for (const s of p.textSources) {
    const where = `the source "${s.name ?? s.guid}"`;
    codeRefs(s.codings, where);
    notes(s.noteRefs, where);
    for (const v of s.values) expect(v.variableGuid, ['Variable'], `a value in ${where}`);
    for (const sel of s.selections) {
      codeRefs(sel.codings, `the selection ${sel.guid} of ${where}`);
      notes(sel.noteRefs, `the selection ${sel.guid} of ${where}`);
    }
  }
  for (const set of p.sets) {
    const where = `the set "${set.name}"`;
    set.memberCodes.forEach((r) => expect(r, ['Code'], `a MemberCode in ${where}`));
    set.memberSources.forEach((r) => expect(r, SOURCE_KINDS, `a MemberSource in ${where}`));
    set.memberNotes.forEach((r) => expect(r, ['Note'], `a MemberNote in ${where}`));
  }
  for (const c of p.cases) {
    c.sourceRefs.forEach((r) => expect(r, SOURCE_KINDS, `a SourceRef in the case "${c.name ?? c.guid}"`));
    c.values.forEach((v) => expect(v.variableGuid, ['Variable'], `a value in the case "${c.name ?? c.guid}"`));
  }
}

export function readCodebook(root: XNode, file: string): RefiCodebook {
  const ids = new GuidIndex(file);
  const codesNode = child(root, 'Codes');
  const codes = codesNode ? readCodes(codesNode, ids, file, 'none') : [];
  const sets = readSets(child(root, 'Sets'), ids, 'guid');
  for (const set of sets) {
    for (const r of set.memberCodes) {
      if (ids.kind(r) !== 'Code') throw bad(file, `a MemberCode in the set "${set.name}" refers to "${r}", which is no code in the file`, `en MemberCode i mängden ”${set.name}” hänvisar till ”${r}”, som inte är någon kod i filen`);
    }
  }
  return { origin: opt(root, 'origin'), codes, sets };
}

export type { RefiProject, RefiCodebook };
