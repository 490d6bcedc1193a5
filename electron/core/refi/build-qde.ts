/**
 * A project → `project.qde` (a string, built directly: the element order of the schema's
 * sequences is fixed, and no empty container is written) and the source files to put beside
 * it. GUIDs are the project's own, so they stay the same from one export to the next;
 * codings, which have no row of their own, get a GUID derived from their quotation and code.
 */
import { hash } from 'node:crypto';
import type { RefiCounts, RefiTarget } from '../../../shared/contract/refi';
import type { Project } from '../project/project';
import { appVersion } from '../version';
import { codePointOffsets } from './positions';
import type { CodeRecord } from '../coding/codes';
import { escAttr, escText, stripIllegal } from './xml';
import type { MappedReplacer, PositionMap } from '../privacy/pseudonymise';

export interface QdeExport {
  xml: string;
  files: { name: string; data: Buffer }[];
  counts: RefiCounts;
  astralDocuments: string[];
  /** Names replaced by pseudonyms (0 without a list). */
  replacements: number;
}

export interface QdeOptions {
  target: RefiTarget;
  speakerCodes: boolean;
  /** Called after each document (progress, cancellation). */
  onDocument?: (done: number, total: number) => void;
  /**
   * The pseudonym list applied to every text that goes out (source texts, names, comments,
   * memos, values, coders), the positions following the changed texts; the stored project
   * is not touched.
   */
  pseudonyms?: MappedReplacer;
}

/** A stable GUID for something that has none of its own, from what identifies it. */
export function derivedGuid(...parts: string[]): string {
  // the one-shot hash: a Hash object per coding was a tenth of a large export
  const h = hash('sha1', parts.join('\u0000'));
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const a = (name: string, value: string | null | undefined): string => (value === null || value === undefined ? '' : ` ${name}="${escAttr(stripIllegal(value))}"`);
const t = (s: string): string => escText(stripIllegal(s));

type CodeRow = CodeRecord;
interface DocRow { id: number; guid: string; name: string; text: string; imported_at: string; modified_at: string }
interface QuoteRow { id: number; guid: string; document_id: number; start: number; end: number; comment: string | null; coder: string | null; created_at: string; modified_at: string }
interface LinkRow { quotation_id: number; code: string; coder: string | null; created_at: string }
interface MemoRow { guid: string; title: string; body: string; author: string | null; document_id: number | null; code_id: number | null; quotation_id: number | null; created_at: string; modified_at: string }

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** How positions are counted for a target: UTF-16 units for NVivo, code points (the standard) elsewhere. */
function offsetsFor(target: RefiTarget, text: string): (u: number) => number {
  return target === 'nvivo' ? (u) => u : codePointOffsets(text);
}

/** The bytes of a source file for a target: UTF-8, LF, no BOM; CRLF for MAXQDA, a BOM for QualCoder (NOTES §5–6). */
export function sourceBytes(target: RefiTarget, text: string): Buffer {
  const body = target === 'maxqda' ? text.replace(/\n/g, '\r\n') : text;
  const bytes = Buffer.from(body, 'utf8');
  return target === 'qualcoder' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

function selectionName(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 200)).replace(/\s+/g, ' ').trim();
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

export function buildQde(p: Project, o: QdeOptions): QdeExport {
  const db = p.db;
  const projectGuid = p.getMeta('project_guid') ?? '';
  const coders = db.prepare('SELECT id, guid, name FROM coders ORDER BY id').all() as { id: number; guid: string; name: string }[];
  const codes = db.prepare('SELECT id, guid, parent_id, name, definition, color FROM codes ORDER BY position, id').all() as CodeRow[];
  const docs = db.prepare('SELECT id, guid, name, text, imported_at, modified_at FROM documents ORDER BY position, id').all() as DocRow[];
  const quotes = db
    .prepare('SELECT q.id, q.guid, q.document_id, q.start, q."end" AS "end", q.comment, c.guid AS coder, q.created_at, q.modified_at FROM quotations q LEFT JOIN coders c ON c.id = q.coder_id ORDER BY q.document_id, q.start, q."end", q.id')
    .all() as QuoteRow[];
  const links = db
    .prepare('SELECT qc.quotation_id, k.guid AS code, c.guid AS coder, qc.created_at FROM quotation_codes qc JOIN codes k ON k.id = qc.code_id LEFT JOIN coders c ON c.id = qc.coder_id ORDER BY qc.quotation_id, k.position, k.id')
    .all() as LinkRow[];
  const memos = db
    .prepare('SELECT m.guid, m.title, m.body, c.guid AS author, m.document_id, m.code_id, m.quotation_id, m.created_at, m.modified_at FROM memos m LEFT JOIN coders c ON c.id = m.author_id ORDER BY m.id')
    .all() as MemoRow[];
  const attributes = db.prepare("SELECT id, guid, name, type FROM attributes WHERE scope = 'document' ORDER BY position, id").all() as { id: number; guid: string; name: string; type: string }[];
  const values = db
    .prepare("SELECT v.document_id, v.attribute_id, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE a.scope = 'document' ORDER BY a.position, a.id")
    .all() as { document_id: number; attribute_id: number; value: string }[];
  const groups = db.prepare('SELECT id, guid, name FROM document_groups ORDER BY position, id').all() as { id: number; guid: string; name: string }[];
  const members = db.prepare('SELECT m.group_id, d.guid FROM document_group_members m JOIN documents d ON d.id = m.document_id ORDER BY d.position, d.id').all() as { group_id: number; guid: string }[];

  const quotesByDoc = groupBy(quotes, (q) => q.document_id);
  const linksByQuote = groupBy(links, (l) => l.quotation_id);
  const memoBy = (k: 'document_id' | 'code_id' | 'quotation_id'): Map<number | null, MemoRow[]> => groupBy(memos.filter((m) => m[k] !== null), (m) => m[k]);
  const memosByDoc = memoBy('document_id');
  const memosByCode = memoBy('code_id');
  const memosByQuote = memoBy('quotation_id');
  const valuesByDoc = groupBy(values, (v) => v.document_id);

  // every human text through the pseudonyms (when on); GUIDs, times, colours and positions are not text
  let replacements = 0;
  const pseudo = (s: string): { text: string; map: PositionMap | null } => {
    if (!o.pseudonyms) return { text: s, map: null };
    const r = o.pseudonyms(s);
    replacements += r.count;
    return { text: r.text, map: r.count > 0 ? r.map : null };
  };
  const P = (s: string): string => pseudo(s).text;
  const an = (name: string, value: string | null | undefined): string => a(name, value === null || value === undefined ? value : P(value));
  const tp = (s: string): string => t(P(s));
  const noteRefs = (list: MemoRow[] | undefined): string => (list ?? []).map((m) => `<NoteRef${a('targetGUID', m.guid)}/>`).join('');

  const speaker = o.speakerCodes ? speakerCodes(p, projectGuid, P) : null;
  const out: string[] = [];
  const now = p.now();
  out.push(
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<Project xmlns="urn:QDA-XML:project:1.0"${an('name', p.getMeta('name') ?? 'Rödtråd')}${a('origin', `Rödtråd ${appVersion()}`)}${a('creationDateTime', p.getMeta('created_at') ?? now)}${a('modifiedDateTime', now)}>\n`,
  );
  if (coders.length > 0) out.push('<Users>', ...coders.map((c) => `<User${a('guid', c.guid)}${an('name', c.name)}/>`), '</Users>\n');

  const children = groupBy(codes, (c) => c.parent_id);
  const writeCode = (c: CodeRow): void => {
    const kids = children.get(c.id) ?? [];
    const inner = (c.definition ? `<Description>${tp(c.definition)}</Description>` : '') + noteRefs(memosByCode.get(c.id));
    if (!inner && kids.length === 0) {
      out.push(`<Code${a('guid', c.guid)}${an('name', c.name)} isCodable="true"${a('color', c.color)}/>`);
      return;
    }
    out.push(`<Code${a('guid', c.guid)}${an('name', c.name)} isCodable="true"${a('color', c.color)}>`, inner);
    kids.forEach(writeCode);
    out.push('</Code>');
  };
  if (codes.length > 0 || (speaker && speaker.codes > 0)) {
    out.push('<CodeBook><Codes>');
    (children.get(null) ?? []).forEach(writeCode);
    if (speaker) out.push(speaker.codebookXml);
    out.push('</Codes></CodeBook>\n');
  }

  const attrById = new Map(attributes.map((x) => [x.id, x]));
  const variableTypes = new Map(attributes.map((x) => [x.id, variableType(x.type, values.filter((v) => v.attribute_id === x.id).map((v) => v.value))]));
  if (attributes.length > 0) {
    out.push('<Variables>', ...attributes.map((x) => `<Variable${a('guid', x.guid)}${an('name', x.name)}${a('typeOfVariable', variableTypes.get(x.id)!)}/>`), '</Variables>\n');
  }

  const files: QdeExport['files'] = [];
  const astral: string[] = [];
  let selections = 0;
  let codings = 0;
  if (docs.length > 0) out.push('<Sources>\n');
  docs.forEach((d, i) => {
    const name = P(d.name);
    const { text, map } = pseudo(d.text);
    if (/[\uD800-\uDBFF]/.test(text)) astral.push(name);
    const file = `${d.guid.replace(/[{}]/g, '')}.txt`;
    files.push({ name: `sources/${file}`, data: sourceBytes(o.target, text) });
    out.push(`<TextSource${a('guid', d.guid)}${a('name', name)}${a('plainTextPath', `internal://${file}`)}${a('creationDateTime', d.imported_at)}${a('modifiedDateTime', d.modified_at)}>`);
    const units = offsetsFor(o.target, text);
    // a stored offset → the exported text's offset (pseudonyms may change its length) → the target's unit
    const off = (u: number, side: 'start' | 'end'): number => units(map ? map(u, side) : u);
    for (const q of quotesByDoc.get(d.id) ?? []) {
      selections++;
      const start = off(q.start, 'start');
      const end = off(q.end, 'end');
      const shown = map ? selectionName(text, map(q.start, 'start'), map(q.end, 'end')) : selectionName(text, q.start, q.end);
      out.push(
        `<PlainTextSelection${a('guid', q.guid)}${a('name', shown)} startPosition="${start}" endPosition="${end}"${a('creatingUser', q.coder)}${a('creationDateTime', q.created_at)}${a('modifiedDateTime', q.modified_at)}>`,
      );
      if (q.comment) out.push(`<Description>${tp(q.comment)}</Description>`);
      for (const l of linksByQuote.get(q.id) ?? []) {
        codings++;
        out.push(`<Coding${a('guid', derivedGuid(q.guid, l.code))}${a('creatingUser', l.coder)}${a('creationDateTime', l.created_at)}><CodeRef${a('targetGUID', l.code)}/></Coding>`);
      }
      out.push(noteRefs(memosByQuote.get(q.id)), '</PlainTextSelection>\n');
    }
    if (speaker) {
      const s = speaker.selections(d, off);
      selections += s.count;
      codings += s.count;
      out.push(s.xml);
    }
    out.push(noteRefs(memosByDoc.get(d.id)));
    for (const v of valuesByDoc.get(d.id) ?? []) {
      const attr = attrById.get(v.attribute_id)!;
      const type = variableTypes.get(attr.id)!;
      out.push(`<VariableValue><VariableRef${a('targetGUID', attr.guid)}/><${type}Value>${type === 'Text' ? tp(v.value) : t(v.value)}</${type}Value></VariableValue>`);
    }
    out.push('</TextSource>\n');
    o.onDocument?.(i + 1, docs.length);
  });
  if (docs.length > 0) out.push('</Sources>\n');

  if (memos.length > 0) {
    out.push('<Notes>');
    for (const m of memos) {
      out.push(`<Note${a('guid', m.guid)}${an('name', m.title)}${a('creatingUser', m.author)}${a('creationDateTime', m.created_at)}${a('modifiedDateTime', m.modified_at)}><PlainTextContent>${tp(m.body)}</PlainTextContent></Note>\n`);
    }
    out.push('</Notes>\n');
  }
  const membersByGroup = groupBy(members, (m) => m.group_id);
  if (groups.length > 0) {
    out.push('<Sets>');
    for (const g of groups) out.push(`<Set${a('guid', g.guid)}${an('name', g.name)}>`, ...(membersByGroup.get(g.id) ?? []).map((m) => `<MemberSource${a('targetGUID', m.guid)}/>`), '</Set>');
    out.push('</Sets>\n');
  }
  // free memos are notes on the whole project
  out.push(noteRefs(memos.filter((m) => m.document_id === null && m.code_id === null && m.quotation_id === null)), '</Project>\n');
  return {
    xml: out.join(''),
    files,
    counts: {
      users: coders.length,
      codes: codes.length + (speaker?.codes ?? 0),
      sources: docs.length,
      selections,
      codings,
      notes: memos.length,
      sets: groups.length,
      variables: attributes.length,
      cases: 0,
    },
    astralDocuments: astral,
    replacements,
  };
}

/** The schema type a document attribute is written as: its own when every value fits it, else Text. */
function variableType(type: string, values: string[]): 'Text' | 'Integer' | 'Float' | 'Boolean' | 'Date' {
  if (values.length === 0) return type === 'number' ? 'Float' : type === 'boolean' ? 'Boolean' : type === 'date' ? 'Date' : 'Text';
  if (type === 'number') {
    if (values.every((v) => /^[+-]?\d+$/.test(v))) return 'Integer';
    if (values.every((v) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v))) return 'Float';
  }
  if (type === 'boolean' && values.every((v) => /^(true|false|0|1)$/.test(v))) return 'Boolean';
  if (type === 'date' && values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'Date';
  return 'Text';
}

/** Speaker turns as codes `Talare/NAME` with a selection per turn, for tools that have no speakers. */
function speakerCodes(p: Project, projectGuid: string, label: (s: string) => string) {
  const turns = p.db
    .prepare('SELECT t.document_id, t.start, t."end" AS "end", s.label FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t."end" > t.start ORDER BY t.document_id, t.start')
    .all() as { document_id: number; start: number; end: number; label: string }[];
  const labels = [...new Set(turns.map((r) => r.label))].sort((x, y) => x.localeCompare(y, 'sv'));
  const parent = derivedGuid(projectGuid, 'Talare');
  const codeGuid = new Map(labels.map((l) => [l, derivedGuid(projectGuid, 'Talare', l)]));
  const byDoc = groupBy(turns, (r) => r.document_id);
  const codebookXml =
    labels.length === 0
      ? ''
      : `<Code${a('guid', parent)} name="Talare" isCodable="false">${labels.map((l) => `<Code${a('guid', codeGuid.get(l)!)}${a('name', label(l))} isCodable="true"/>`).join('')}</Code>`;
  return {
    codes: labels.length === 0 ? 0 : labels.length + 1,
    codebookXml,
    selections(d: DocRow, off: (u: number, side: 'start' | 'end') => number): { xml: string; count: number } {
      const list = byDoc.get(d.id) ?? [];
      const xml = list
        .map((r) => {
          const g = derivedGuid(d.guid, 'turn', String(r.start), String(r.end));
          return `<PlainTextSelection${a('guid', g)}${a('name', label(r.label))} startPosition="${off(r.start, 'start')}" endPosition="${off(r.end, 'end')}"><Coding${a('guid', derivedGuid(g, codeGuid.get(r.label)!))}><CodeRef${a('targetGUID', codeGuid.get(r.label)!)}/></Coding></PlainTextSelection>\n`;
        })
        .join('');
      return { xml, count: list.length };
    },
  };
}
