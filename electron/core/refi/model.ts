/**
 * A REFI-QDA project or codebook as read from its XML, before anything is mapped onto a
 * Rödtråd project. GUIDs keep the string as written (so they can be written back
 * unchanged); `guidKey` gives the form they are compared by.
 */
export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color: string | null;
  description: string | null;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  user: string | null;
  created: string | null;
}

export interface RefiSelection {
  guid: string;
  name: string | null;
  start: number;
  end: number;
  user: string | null;
  created: string | null;
  modified: string | null;
  description: string | null;
  codings: RefiCoding[];
  noteRefs: string[];
}

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariableValue {
  variableGuid: string;
  value: string;
}

export interface RefiTextSource {
  guid: string;
  name: string | null;
  plainTextPath: string | null;
  richTextPath: string | null;
  inlineText: string | null;
  description: string | null;
  selections: RefiSelection[];
  /** Codings on the source itself: the whole document is coded. */
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiVariableValue[];
  user: string | null;
  created: string | null;
  modified: string | null;
}

export interface RefiOtherSource {
  guid: string;
  name: string;
  kind: 'PDF' | 'Picture' | 'Audio' | 'Video';
  /** Codings on the source and its selections, which are skipped with it. */
  codings: number;
}

export interface RefiNote {
  guid: string;
  name: string | null;
  plainTextPath: string | null;
  inlineText: string | null;
  user: string | null;
  created: string | null;
  modified: string | null;
  /** Codings on selections of the note's own text (not imported: memos are not coded). */
  selectionCodings: number;
}

export interface RefiSet {
  guid: string;
  name: string;
  description: string | null;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
}

export interface RefiCase {
  guid: string;
  name: string | null;
  sourceRefs: string[];
  values: RefiVariableValue[];
}

export interface RefiLink {
  guid: string;
  origin: string | null;
  target: string | null;
}

export interface RefiProject {
  name: string;
  origin: string | null;
  created: string | null;
  modified: string | null;
  creatingUser: string | null;
  description: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  textSources: RefiTextSource[];
  otherSources: RefiOtherSource[];
  notes: RefiNote[];
  sets: RefiSet[];
  variables: RefiVariable[];
  cases: RefiCase[];
  links: RefiLink[];
  noteRefs: string[];
  /** Elements read but not brought over (graphs), by name with a count. */
  ignored: Record<string, number>;
}

export interface RefiCodebook {
  origin: string | null;
  codes: RefiCode[];
  sets: RefiSet[];
}

const GUID_RE = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

const PLAIN_GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(s: string): boolean {
  if (s.length === 36 && PLAIN_GUID.test(s)) return true;
  const t = s.trim();
  return GUID_RE.test(t) && t.startsWith('{') === t.endsWith('}');
}

/** GUIDs are compared without case and braces (NVivo writes lower case, the others upper, the spec's example braces). */
export function guidKey(s: string): string {
  // the common case: no braces, no whitespace around it
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  if (a > 32 && a !== 123 && z > 32 && z !== 125) return s.toLowerCase();
  return s.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** Every code in a tree, parents before children. */
export function flattenCodes(codes: RefiCode[]): RefiCode[] {
  const out: RefiCode[] = [];
  const walk = (list: RefiCode[]): void => {
    for (const c of list) {
      out.push(c);
      walk(c.children);
    }
  };
  walk(codes);
  return out;
}

