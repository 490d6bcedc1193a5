/**
 * Teams on the 144-interview corpus: ten coder copies of the bench project (its 20,000
 * quotations shared by GUID, plus 2,000 overlapping quotations of each coder's own) merged
 * into a new file (target < 10 s), against a reference in the same run that copies the same
 * rows with ATTACH and INSERT … SELECT joined on GUIDs and nothing else (target ratio ≥ 0.3);
 * then agreement among the ten coders over the whole corpus per unit kind (target < 2 s each,
 * the bootstrap of 1,000 samples included).
 */
import path from 'node:path';
import { computeAgreement } from '../../electron/core/agreement/project-agreement';
import { Project } from '../../electron/core/project/project';
import { mergeProjects } from '../../electron/core/teams/merge';
import { copyBenchProject } from './corpus';
import { generateCoderCopies } from './team-copies';
import { round, tempDir, time } from './util';

const CODERS = 10;
const QUOTATIONS = 2000;

/** The reference: the same rows, copied with ATTACH and INSERT … SELECT, matched on GUIDs only. */
function referenceCopy(out: string, inputs: string[]): number {
  const p = Project.create(out);
  const db = p.db;
  for (const file of inputs) {
    db.prepare('ATTACH DATABASE ? AS src').run(file);
    p.transaction(() =>
      db.exec(`
        INSERT OR IGNORE INTO main.coders(guid, name, color, created_at) SELECT guid, name, color, created_at FROM src.coders;
        INSERT OR IGNORE INTO main.documents(guid, name, kind, text, chars, source_name, source_type, encoding, sha256, language, position, imported_at, modified_at)
          SELECT guid, name, kind, text, chars, source_name, source_type, encoding, sha256, language, position, imported_at, modified_at FROM src.documents;
        INSERT OR IGNORE INTO main.codes(guid, parent_id, name, definition, inclusion, exclusion, color, position, created_at)
          SELECT s.guid, NULL, s.guid, s.definition, s.inclusion, s.exclusion, s.color, s.position, s.created_at FROM src.codes s;
        INSERT OR IGNORE INTO main.quotations(guid, document_id, start, "end", comment, coder_id, created_at, modified_at)
          SELECT q.guid, d.id, q.start, q."end", q.comment, c.id, q.created_at, q.modified_at FROM src.quotations q
          JOIN src.documents sd ON sd.id = q.document_id JOIN main.documents d ON d.guid = sd.guid
          LEFT JOIN src.coders sc ON sc.id = q.coder_id LEFT JOIN main.coders c ON c.guid = sc.guid;
        INSERT OR IGNORE INTO main.quotation_codes(quotation_id, code_id, coder_id, created_at)
          SELECT mq.id, mc.id, c.id, l.created_at FROM src.quotation_codes l
          JOIN src.quotations q ON q.id = l.quotation_id JOIN main.quotations mq ON mq.guid = q.guid
          JOIN src.codes sc ON sc.id = l.code_id JOIN main.codes mc ON mc.guid = sc.guid
          LEFT JOIN src.coders k ON k.id = l.coder_id LEFT JOIN main.coders c ON c.guid = k.guid;
      `),
    );
    db.exec('DETACH DATABASE src');
  }
  const links = db.prepare('SELECT count(*) FROM quotation_codes').pluck().get() as number;
  p.close();
  return links;
}

export async function teamsBench(): Promise<Record<string, unknown>> {
  const tmp = tempDir('teams');
  try {
    const master = await copyBenchProject('teams-master');
    const made = time(() => generateCoderCopies(master, tmp.dir, { coders: CODERS, quotations: QUOTATIONS }));
    const copies = made.value;
    const mergeCpu0 = process.cpuUsage();
    const merge = time(() => mergeProjects(path.join(tmp.dir, 'merged.rodtrad'), copies));
    const mergeCpu = process.cpuUsage(mergeCpu0);
    const reference = time(() => referenceCopy(path.join(tmp.dir, 'reference.rodtrad'), copies));

    const p = Project.open(path.join(tmp.dir, 'merged.rodtrad'));
    const coders = Array.from({ length: CODERS }, (_, i) => `Kodare ${String(i + 1).padStart(2, '0')}`);
    const agreement: Record<string, unknown> = {};
    try {
      for (const unit of ['turn', 'paragraph', 'sentence', 'char'] as const) {
        const cpu0 = process.cpuUsage();
        const t = time(() => computeAgreement(p, { unit, coders, bootstrap: 1000, seed: 1 }));
        const cpu = process.cpuUsage(cpu0);
        agreement[unit] = {
          ms: round(t.ms, 1),
          // CPU time of this process: on a shared, loaded machine wall time mostly measures the queue.
          cpuMs: round((cpu.user + cpu.system) / 1000, 1),
          targetMs: 2000,
          codes: t.value.codes.length,
          units: t.value.unit === 'char' ? t.value.documents.characters : t.value.documents.units,
          alpha: t.value.overall.alpha === null ? null : round(t.value.overall.alpha, 4),
        };
      }
    } finally {
      p.close();
    }
    return {
      coders: CODERS,
      quotationsPerCoder: QUOTATIONS,
      copiesBuiltMs: round(made.ms),
      merge: {
        ms: round(merge.ms),
        cpuMs: round((mergeCpu.user + mergeCpu.system) / 1000),
        targetMs: 10_000,
        quotations: merge.value.totals.quotations,
        links: merge.value.totals.links,
        conflicts: merge.value.conflicts.length,
        referenceMs: round(reference.ms),
        referenceLinks: reference.value,
        // How fast the merge is next to the bare row copy (1 = as fast); the target is ≥ 0.3.
        ratioToReference: round(reference.ms / merge.ms, 3),
      },
      agreement,
    };
  } finally {
    tmp.cleanup();
  }
}
