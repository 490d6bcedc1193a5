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
  type RefiVariable,
  type RefiVariableValue,
  type VariableType,
} from './model';
import { child, childAttrs, childrenNamed, namespaceOf, type XNode } from './xml';

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

/** The items of a container element (`<Users><User/>…</Users>`), none when it is absent. */
function items(root: XNode, container: string, item: string): XNode[] {
  const c = child(root, container);
  return c ? childrenNamed(c, item) : [];
}

const VARIABLE_TYPES: VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

export function readProject(root: XNode, file: string): RefiProject {
  const ids = new GuidIndex(file);
  const users = items(root, 'Users', 'User').map((u) => ({ guid: ids.take(u), name: u.attrs.name || u.attrs.id || u.attrs.guid! }));
  const codebook = child(root, 'CodeBook');
  const codesNode = codebook ? child(codebook, 'Codes') : undefined;
  const codes = codesNode ? readCodes(codesNode, ids, file, 'targetGUID') : [];
  const variables: RefiVariable[] = items(root, 'Variables', 'Variable').map((v) => {
    const type = (v.attrs.typeOfVariable ?? 'Text') as VariableType;
    return { guid: ids.take(v), name: v.attrs.name ?? '', type: VARIABLE_TYPES.includes(type) ? type : 'Text' };
  });
  const cases: RefiCase[] = items(root, 'Cases', 'Case').map((c) => ({
    guid: ids.take(c),
    name: opt(c, 'name'),
    sourceRefs: childAttrs(c, 'SourceRef', 'targetGUID'),
    values: readValues(c),
  }));
  const textSources: RefiTextSource[] = [];
  const otherSources: RefiOtherSource[] = [];
  for (const s of child(root, 'Sources')?.children ?? []) {
    if (s.name === 'TextSource') textSources.push(readTextSource(s, ids, file));
    else if (/^(PDF|Picture|Audio|Video)Source$/.test(s.name)) otherSources.push(readOtherSource(s, ids));
  }
  const notes: RefiNote[] = items(root, 'Notes', 'Note').map((n) => {
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
  });
  const links = items(root, 'Links', 'Link').map((l) => ({ guid: ids.take(l), origin: opt(l, 'originGUID'), target: opt(l, 'targetGUID') }));
  const sets = readSets(child(root, 'Sets'), ids, 'targetGUID');
  const graphs = child(root, 'Graphs');
  if (graphs) {
    const walk = (n: XNode): void => {
      for (const c of n.children) {
        if (c.attrs.guid !== undefined) ids.take(c);
        walk(c);
      }
    };
    walk(graphs);
  }
  const project: RefiProject = {
    name: root.attrs.name ?? '',
    origin: opt(root, 'origin'),
    created: opt(root, 'creationDateTime'),
    modified: opt(root, 'modifiedDateTime'),
    creatingUser: opt(root, 'creatingUserGUID'),
    description: describedBy(root),
    users,
    codes,
    textSources,
    otherSources,
    notes,
    sets,
    variables,
    cases,
    links,
    noteRefs: noteRefs(root),
    ignored: graphs ? { Graph: childrenNamed(graphs, 'Graph').length } : {},
  };
  checkReferences(project, ids, file);
  return project;
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
