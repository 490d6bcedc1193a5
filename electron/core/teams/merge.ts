/**
 * Merging coder copies into a new project file. Each input is copied to a private snapshot
 * (the input itself is only read), attached to the new file and joined into it with
 * INSERT … SELECT: documents by GUID, then sha256; codes by GUID, then path; the union of
 * quotations and code links, where a range a coder already has is reused rather than
 * duplicated and every quotation keeps its coder; memos, attributes, groups and layouts. The
 * new file is built under a temporary name and renamed into place only when it is whole, so
 * a failed merge leaves nothing behind. Merging the same inputs again gives the same result,
 * and merging a result with one of its inputs changes nothing.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { PROJECT_EXTENSION, Project } from '../project/project';
import { mergeCodes } from './merge-codes';
import { mergeQuotations } from './merge-quotations';
import { RULES, type MergeConflict, type MergeReport, type MergeSourceReport } from './report';
import { snapshotProject } from './snapshot';

export function mergeProjects(out: string, inputs: string[]): MergeReport {
  const target = path.resolve(out);
  if (inputs.length === 0) throw new UserError('bad-input', 'give at least one project to merge', target, 'ange minst ett projekt att slå samman');
  if (existsSync(target)) throw new UserError('exists', 'already exists; a merge writes a new project file', target, 'finns redan; en sammanslagning skriver en ny projektfil');
  const sources = inputs.map((i) => path.resolve(i));
  if (sources.includes(target)) throw new UserError('bad-input', 'is one of the inputs; a merge writes a new project file and never changes its inputs', target, 'är en av indatafilerna; en sammanslagning skriver en ny projektfil och ändrar aldrig sina indata');
  if (!existsSync(path.dirname(target))) throw new UserError('not-found', 'the folder does not exist', path.dirname(target), 'mappen finns inte');

  const scratch = mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.merge-`));
  try {
    const snapshots = sources.map((s, i) => snapshotProject(s, scratch, i));
    const building = path.join(scratch, `result${PROJECT_EXTENSION}`);
    const p = Project.create(building, { name: path.basename(target, PROJECT_EXTENSION) });
    // A file nobody sees until it is renamed into place needs no sync per transaction: it is
    // synced once, whole, before the rename (a crash before that leaves only the scratch folder).
    p.db.pragma('synchronous = OFF');
    let report: MergeReport;
    try {
      const conflicts: MergeConflict[] = [];
      const origin = new Map<string, string>();
      const reports = snapshots.map((s) => mergeOne(p, s.file, s.source, origin, conflicts));
      p.transaction(() => p.setMeta('merged_from', JSON.stringify(reports.map((r) => ({ file: r.file, projectGuid: r.projectGuid })))));
      const count = (t: string): number => p.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
      report = {
        output: target,
        sources: reports,
        conflicts,
        totals: { coders: count('coders'), documents: count('documents'), codes: count('codes'), quotations: count('quotations'), links: count('quotation_codes'), memos: count('memos') },
      };
      p.db.pragma('synchronous = FULL');
      p.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      p.close();
    }
    if (existsSync(target)) throw new UserError('exists', 'appeared while merging; nothing was written', target, 'dök upp under sammanslagningen; inget skrevs');
    try {
      renameSync(building, target);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UserError('write-failed', `cannot write the merged project: ${why}`, target, `det sammanslagna projektet kan inte skrivas: ${why}`);
    }
    return report;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One input into the result: attached, joined in one transaction, detached. */
function mergeOne(p: Project, snapshot: string, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): MergeSourceReport {
  const db = p.db;
  db.prepare('ATTACH DATABASE ? AS src').run(snapshot);
  try {
    return p.transaction(() => {
      const before = counts(p);
      const projectGuid = (db.prepare("SELECT value FROM src.project_meta WHERE key = 'project_guid'").pluck().get() as string | undefined) ?? '';
      db.exec(`
        DROP TABLE IF EXISTS temp.map_coder; DROP TABLE IF EXISTS temp.map_doc; DROP TABLE IF EXISTS temp.map_speaker;
        DROP TABLE IF EXISTS temp.map_code; DROP TABLE IF EXISTS temp.map_attr; DROP TABLE IF EXISTS temp.map_group;
        CREATE TEMP TABLE map_coder(src_id INTEGER PRIMARY KEY, out_id INTEGER);
        CREATE TEMP TABLE map_doc(src_id INTEGER PRIMARY KEY, out_id INTEGER, how TEXT, same_text INTEGER, is_new INTEGER NOT NULL DEFAULT 0);
        CREATE TEMP TABLE map_speaker(src_id INTEGER PRIMARY KEY, out_id INTEGER);
        CREATE TEMP TABLE map_code(src_id INTEGER PRIMARY KEY, out_id INTEGER NOT NULL);
        CREATE TEMP TABLE map_attr(src_id INTEGER PRIMARY KEY, out_id INTEGER);
        CREATE TEMP TABLE map_group(src_id INTEGER PRIMARY KEY, out_id INTEGER);
      `);
      mergeCoders(p, source, origin, conflicts);
      const docs = mergeDocuments(p, source, origin, conflicts);
      mergeMedia(p, source);
      const codes = mergeCodes(db, source, origin, conflicts);
      mergeAttributes(p, source, origin, conflicts);
      mergeGroups(p);
      const quotes = mergeQuotations(p, source, origin, conflicts);
      mergeMemos(p, source, origin, conflicts);
      db.exec('INSERT OR IGNORE INTO main.layouts(guid, kind, name, spec, modified_at) SELECT guid, kind, name, spec, modified_at FROM src.layouts');
      mergePseudonyms(db);
      const after = counts(p);
      const coders = db.prepare('SELECT name FROM src.coders ORDER BY name').pluck().all() as string[];
      return {
        file: source,
        projectGuid,
        coders,
        added: {
          coders: after.coders - before.coders,
          documents: after.documents - before.documents,
          codes: codes.added,
          quotations: after.quotations - before.quotations,
          links: after.links - before.links,
          memos: after.memos - before.memos,
          attributes: after.attributes - before.attributes,
          groups: after.groups - before.groups,
        },
        matched: {
          documentsByGuid: docs.byGuid,
          documentsBySha256: docs.bySha,
          codesByGuid: codes.byGuid,
          codesByPath: codes.byPath,
          quotationsByGuid: quotes.byGuid,
          quotationsByRange: quotes.byRange,
        },
      };
    });
  } finally {
    db.exec('DETACH DATABASE src');
  }
}

/**
 * The code key travels with the project: without it a merged project's exports would not be
 * pseudonymised. Names any input has are kept, the first input's pseudonym where two have the
 * same name; a list linked as a file stays linked.
 */
function mergePseudonyms(db: Project['db']): void {
  db.exec(`
    INSERT INTO main.pseudonyms(real, pseudonym, kind, position)
      SELECT s.real, s.pseudonym, s.kind, (SELECT coalesce(max(position), -1) + 1 FROM main.pseudonyms) + s.position
      FROM src.pseudonyms s
      WHERE NOT EXISTS (SELECT 1 FROM main.pseudonyms m WHERE lower(m.real) = lower(s.real))
      ORDER BY s.position;
    INSERT OR IGNORE INTO main.project_meta(key, value) SELECT key, value FROM src.project_meta WHERE key = 'pseudonyms_file';
  `);
}

function counts(p: Project) {
  const n = (t: string): number => p.db.prepare(`SELECT count(*) FROM main.${t}`).pluck().get() as number;
  return { coders: n('coders'), documents: n('documents'), quotations: n('quotations'), links: n('quotation_codes'), memos: n('memos'), attributes: n('attributes'), groups: n('document_groups') };
}

/** Coders by GUID, then by name (the same person set up independently in two copies). */
function mergeCoders(p: Project, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): void {
  const db = p.db;
  db.exec(`
    INSERT INTO temp.map_coder(src_id, out_id) SELECT s.id, o.id FROM src.coders s LEFT JOIN main.coders o ON o.guid = s.guid;
    UPDATE temp.map_coder SET out_id = (SELECT o.id FROM main.coders o JOIN src.coders s ON s.name = o.name WHERE s.id = map_coder.src_id) WHERE out_id IS NULL;
  `);
  const renamed = db
    .prepare('SELECT s.guid, s.name AS here, o.name AS kept FROM src.coders s JOIN main.coders o ON o.guid = s.guid WHERE o.name <> s.name')
    .all() as { guid: string; here: string; kept: string }[];
  for (const r of renamed) {
    conflicts.push({ entity: 'coder', what: r.kept, guid: r.guid, sources: [origin.get(r.guid) ?? source, source], detail: `named "${r.here}" in ${source}`, rule: RULES.firstKept });
  }
  const fresh = db.prepare('SELECT s.guid FROM src.coders s JOIN temp.map_coder m ON m.src_id = s.id WHERE m.out_id IS NULL').pluck().all() as string[];
  for (const g of fresh) origin.set(g, source);
  db.exec(`
    INSERT INTO main.coders(guid, name, color, created_at)
      SELECT s.guid, s.name, s.color, s.created_at FROM src.coders s JOIN temp.map_coder m ON m.src_id = s.id WHERE m.out_id IS NULL ORDER BY s.id;
    UPDATE temp.map_coder SET out_id = (SELECT o.id FROM main.coders o JOIN src.coders s ON s.guid = o.guid WHERE s.id = map_coder.src_id) WHERE out_id IS NULL;
  `);
}

/**
 * Documents by GUID, then by the sha256 of their source file. A matched document whose text
 * differs keeps the first input's text; the later input's quotations on it are left out
 * (their offsets would point at other words) and reported.
 */
function mergeDocuments(p: Project, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): { byGuid: number; bySha: number } {
  const db = p.db;
  db.exec(`
    INSERT INTO temp.map_doc(src_id, out_id, how) SELECT s.id, o.id, CASE WHEN o.id IS NULL THEN NULL ELSE 'guid' END FROM src.documents s LEFT JOIN main.documents o ON o.guid = s.guid;
    UPDATE temp.map_doc SET
      out_id = (SELECT o.id FROM main.documents o JOIN src.documents s ON s.sha256 = o.sha256 WHERE s.id = map_doc.src_id AND s.sha256 IS NOT NULL ORDER BY o.id LIMIT 1),
      how = 'sha256'
      WHERE out_id IS NULL AND EXISTS (SELECT 1 FROM main.documents o JOIN src.documents s ON s.sha256 = o.sha256 WHERE s.id = map_doc.src_id AND s.sha256 IS NOT NULL);
    UPDATE temp.map_doc SET is_new = 1 WHERE out_id IS NULL;
    INSERT INTO main.documents(guid, name, kind, text, chars, source_name, source_type, encoding, sha256, language, position, imported_at, modified_at)
      SELECT s.guid, s.name, s.kind, s.text, s.chars, s.source_name, s.source_type, s.encoding, s.sha256, s.language, s.position, s.imported_at, s.modified_at
      FROM src.documents s JOIN temp.map_doc m ON m.src_id = s.id WHERE m.is_new = 1 ORDER BY s.id;
    UPDATE temp.map_doc SET out_id = (SELECT o.id FROM main.documents o JOIN src.documents s ON s.guid = o.guid WHERE s.id = map_doc.src_id) WHERE is_new = 1;
    UPDATE temp.map_doc SET same_text = (SELECT o.text = s.text FROM main.documents o, src.documents s WHERE o.id = map_doc.out_id AND s.id = map_doc.src_id);
  `);
  const fresh = db.prepare('SELECT s.guid FROM src.documents s JOIN temp.map_doc m ON m.src_id = s.id WHERE m.is_new = 1').pluck().all() as string[];
  for (const g of fresh) origin.set(g, source);
  for (const r of db
    .prepare("SELECT s.guid, s.name AS here, o.name AS kept, o.guid AS kept_guid, m.how FROM temp.map_doc m JOIN src.documents s ON s.id = m.src_id JOIN main.documents o ON o.id = m.out_id WHERE m.is_new = 0 AND (m.same_text = 0 OR m.how = 'sha256')")
    .all() as { guid: string; here: string; kept: string; kept_guid: string; how: string }[]) {
    const first = origin.get(r.kept_guid) ?? source;
    const n = db.prepare('SELECT count(*) FROM src.quotations q JOIN temp.map_doc m ON m.src_id = q.document_id JOIN src.documents s ON s.id = m.src_id WHERE s.guid = ?').pluck().get(r.guid) as number;
    const differs = db.prepare('SELECT same_text FROM temp.map_doc m JOIN src.documents s ON s.id = m.src_id WHERE s.guid = ?').pluck().get(r.guid) === 0;
    if (r.how === 'sha256') conflicts.push({ entity: 'document', what: r.kept, guid: r.guid, sources: [first, source], detail: `a different GUID (${r.guid}), the same source file`, rule: RULES.matchedBySha });
    if (differs) conflicts.push({ entity: 'document', what: r.kept, guid: r.kept_guid, sources: [first, source], detail: `the text differs; ${n} quotation(s) of ${source} on it`, rule: `${RULES.firstKept}; the other input's quotations are ${RULES.skipped}` });
  }
  // Speakers: by GUID, then by label within the document; turns come with new documents only.
  db.exec(`
    INSERT INTO temp.map_speaker(src_id, out_id) SELECT s.id, o.id FROM src.speakers s LEFT JOIN main.speakers o ON o.guid = s.guid;
    UPDATE temp.map_speaker SET out_id = (
      SELECT o.id FROM main.speakers o JOIN src.speakers s ON s.label = o.label JOIN temp.map_doc m ON m.src_id = s.document_id AND m.out_id = o.document_id WHERE s.id = map_speaker.src_id)
      WHERE out_id IS NULL;
    INSERT INTO main.speakers(guid, document_id, label, name, is_interviewer)
      SELECT s.guid, m.out_id, s.label, s.name, s.is_interviewer FROM src.speakers s JOIN temp.map_doc m ON m.src_id = s.document_id JOIN temp.map_speaker ms ON ms.src_id = s.id
      WHERE ms.out_id IS NULL ORDER BY s.id;
    UPDATE temp.map_speaker SET out_id = (SELECT o.id FROM main.speakers o JOIN src.speakers s ON s.guid = o.guid WHERE s.id = map_speaker.src_id) WHERE out_id IS NULL;
    INSERT INTO main.turns(document_id, speaker_id, start, "end", timestamp)
      SELECT m.out_id, ms.out_id, t.start, t."end", t.timestamp FROM src.turns t JOIN temp.map_doc m ON m.src_id = t.document_id AND m.is_new = 1
      LEFT JOIN temp.map_speaker ms ON ms.src_id = t.speaker_id ORDER BY t.id;
  `);
  const how = db.prepare("SELECT sum(how = 'guid'), sum(how = 'sha256') FROM temp.map_doc").raw().get() as [number | null, number | null];
  return { byGuid: how[0] ?? 0, bySha: how[1] ?? 0 };
}

/**
 * Transcripts' recordings: a document linked in no earlier input takes this input's link. A
 * path stored relative to the input's folder (a copy beside it) is made absolute, since the
 * result lives elsewhere; the file stays where it is.
 */
function mergeMedia(p: Project, source: string): void {
  const rows = p.db
    .prepare('SELECT m.out_id AS doc, d.path, d.name, d.linked_at AS linkedAt FROM src.document_media d JOIN temp.map_doc m ON m.src_id = d.document_id')
    .all() as { doc: number; path: string; name: string; linkedAt: string }[];
  const insert = p.db.prepare('INSERT OR IGNORE INTO main.document_media(document_id, path, name, copied, linked_at) VALUES (?, ?, ?, 0, ?)');
  for (const r of rows) insert.run(r.doc, path.resolve(path.dirname(source), r.path), r.name, r.linkedAt);
}

/** Attributes by GUID, then scope and name; their levels and values are joined, a differing value keeps the first. */
function mergeAttributes(p: Project, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): void {
  const db = p.db;
  db.exec(`
    INSERT INTO temp.map_attr(src_id, out_id) SELECT s.id, o.id FROM src.attributes s LEFT JOIN main.attributes o ON o.guid = s.guid;
    UPDATE temp.map_attr SET out_id = (SELECT o.id FROM main.attributes o JOIN src.attributes s ON s.scope = o.scope AND s.name = o.name WHERE s.id = map_attr.src_id) WHERE out_id IS NULL;
    INSERT INTO main.attributes(guid, name, scope, type, position, question)
      SELECT s.guid, s.name, s.scope, s.type, s.position, s.question FROM src.attributes s JOIN temp.map_attr m ON m.src_id = s.id WHERE m.out_id IS NULL ORDER BY s.id;
    UPDATE temp.map_attr SET out_id = (SELECT o.id FROM main.attributes o JOIN src.attributes s ON s.guid = o.guid WHERE s.id = map_attr.src_id) WHERE out_id IS NULL;
    INSERT OR IGNORE INTO main.attribute_levels(attribute_id, value, position)
      SELECT m.out_id, l.value, l.position FROM src.attribute_levels l JOIN temp.map_attr m ON m.src_id = l.attribute_id;
  `);
  const differing = db
    .prepare(
      `SELECT d.name AS doc, d.guid, a.name AS attr, o.value AS kept, v.value AS here FROM src.document_attribute_values v
       JOIN temp.map_doc md ON md.src_id = v.document_id JOIN temp.map_attr ma ON ma.src_id = v.attribute_id
       JOIN main.document_attribute_values o ON o.document_id = md.out_id AND o.attribute_id = ma.out_id
       JOIN main.documents d ON d.id = md.out_id JOIN main.attributes a ON a.id = ma.out_id WHERE o.value <> v.value`,
    )
    .all() as { doc: string; guid: string; attr: string; kept: string; here: string }[];
  for (const r of differing) {
    conflicts.push({ entity: 'attribute value', what: `${r.doc}: ${r.attr}`, guid: r.guid, sources: [origin.get(r.guid) ?? source, source], detail: `"${r.kept}" kept, "${r.here}" in ${source}`, rule: RULES.firstKept });
  }
  db.exec(`
    INSERT OR IGNORE INTO main.document_attribute_values(document_id, attribute_id, value)
      SELECT md.out_id, ma.out_id, v.value FROM src.document_attribute_values v JOIN temp.map_doc md ON md.src_id = v.document_id JOIN temp.map_attr ma ON ma.src_id = v.attribute_id;
    INSERT OR IGNORE INTO main.speaker_attribute_values(speaker_id, attribute_id, value)
      SELECT ms.out_id, ma.out_id, v.value FROM src.speaker_attribute_values v JOIN temp.map_speaker ms ON ms.src_id = v.speaker_id JOIN temp.map_attr ma ON ma.src_id = v.attribute_id;
  `);
}

/** Document groups by GUID, then name; members are joined. */
function mergeGroups(p: Project): void {
  p.db.exec(`
    INSERT INTO temp.map_group(src_id, out_id) SELECT s.id, o.id FROM src.document_groups s LEFT JOIN main.document_groups o ON o.guid = s.guid;
    UPDATE temp.map_group SET out_id = (SELECT o.id FROM main.document_groups o JOIN src.document_groups s ON s.name = o.name WHERE s.id = map_group.src_id) WHERE out_id IS NULL;
    INSERT INTO main.document_groups(guid, name, position)
      SELECT s.guid, s.name, s.position FROM src.document_groups s JOIN temp.map_group m ON m.src_id = s.id WHERE m.out_id IS NULL ORDER BY s.id;
    UPDATE temp.map_group SET out_id = (SELECT o.id FROM main.document_groups o JOIN src.document_groups s ON s.guid = o.guid WHERE s.id = map_group.src_id) WHERE out_id IS NULL;
    INSERT OR IGNORE INTO main.document_group_members(group_id, document_id)
      SELECT mg.out_id, md.out_id FROM src.document_group_members x JOIN temp.map_group mg ON mg.src_id = x.group_id JOIN temp.map_doc md ON md.src_id = x.document_id;
  `);
}

/** Memos by GUID; one changed differently in two copies keeps the first version. */
function mergeMemos(p: Project, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): void {
  const db = p.db;
  const rows = db
    .prepare(
      `SELECT s.guid, s.title, s.body, s.created_at, s.modified_at, mc.out_id AS author,
         s.document_id IS NOT NULL AS on_doc, md.out_id AS doc, s.code_id IS NOT NULL AS on_code, mk.out_id AS code,
         s.quotation_id IS NOT NULL AS on_quote, mq.out_id AS quote, o.id AS existing, o.title AS kept_title, o.body AS kept_body
       FROM src.memos s
       LEFT JOIN temp.map_coder mc ON mc.src_id = s.author_id
       LEFT JOIN temp.map_doc md ON md.src_id = s.document_id AND md.same_text = 1
       LEFT JOIN temp.map_code mk ON mk.src_id = s.code_id
       LEFT JOIN temp.mq mq ON mq.src_id = s.quotation_id
       LEFT JOIN main.memos o ON o.guid = s.guid
       ORDER BY s.id`,
    )
    .all() as {
    guid: string; title: string; body: string; created_at: string; modified_at: string; author: number | null;
    on_doc: number; doc: number | null; on_code: number; code: number | null; on_quote: number; quote: number | null;
    existing: number | null; kept_title: string | null; kept_body: string | null;
  }[];
  const insert = db.prepare('INSERT INTO main.memos(guid, title, body, author_id, document_id, code_id, quotation_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const m of rows) {
    if (m.existing !== null) {
      if (m.kept_title !== m.title || m.kept_body !== m.body) {
        conflicts.push({ entity: 'memo', what: m.kept_title ?? m.title, guid: m.guid, sources: [origin.get(m.guid) ?? source, source], detail: `changed differently in ${source}`, rule: RULES.firstKept });
      }
      continue;
    }
    if ((m.on_doc && m.doc === null) || (m.on_code && m.code === null) || (m.on_quote && m.quote === null)) {
      conflicts.push({ entity: 'memo', what: m.title, guid: m.guid, sources: [source], detail: 'attached to a document or quotation left out', rule: RULES.detached });
      continue;
    }
    insert.run(m.guid, m.title, m.body, m.author, m.doc, m.code, m.quote, m.created_at, m.modified_at);
    origin.set(m.guid, source);
  }
}
