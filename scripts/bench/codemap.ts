/**
 * The code map for 60 codes on the 144-interview corpus with 20,000 quotations (target
 * < 500 ms for the whole tables.codeMap: counts, co-occurrence, layout). The corpus has 42
 * codes, so a private copy gets 25 more, each on a seeded sample of quotations, until 60
 * codes carry quotations. References in the same run: the co-occurrence table alone (what
 * the map is drawn from) and the same map laid out on a circle instead of by forces. One run
 * before the measured ones compiles the code (the view's first map of a session pays that).
 */
import { buildCodeMap } from '../../electron/core/analysis/code-map';
import { buildCooccurrence } from '../../electron/core/analysis/cooccurrence';
import { createCode } from '../../electron/core/coding/codes';
import { Project } from '../../electron/core/project/project';
import { circleLayout, layoutCodeMap } from '../../shared/charts/code-map-layout';
import { codeMapSvg } from '../../shared/charts/code-map-svg';
import { copyBenchProject } from './corpus';
import { measure, mulberry32, round } from './util';

const RUNS = 11;
const CODES = 60;

const repeat = <T>(fn: () => T) => measure(RUNS, fn, 1);

export async function codeMapBench(): Promise<Record<string, unknown>> {
  const file = await copyBenchProject('codemap');
  const p = Project.open(file);
  try {
    const random = mulberry32(60);
    const quotations = p.db.prepare('SELECT id FROM quotations ORDER BY id').pluck().all() as number[];
    p.transaction(() => {
      const coded = () => p.db.prepare('SELECT count(DISTINCT code_id) FROM quotation_codes').pluck().get() as number;
      const link = p.db.prepare('INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, NULL, ?)');
      for (let i = 0; coded() < CODES; i++) {
        const code = createCode(p, { name: `Bänkkod ${i + 1}` });
        const n = 40 + Math.floor(random() * 400);
        for (let k = 0; k < n; k++) link.run(quotations[Math.floor(random() * quotations.length)]!, code, p.now());
      }
    });
    const codeIds = p.db.prepare('SELECT DISTINCT code_id FROM quotation_codes ORDER BY code_id').pluck().all() as number[];
    const codeMap = repeat(() => buildCodeMap(p, {}));
    const cooccurrence = repeat(() => buildCooccurrence(p, {}));
    const map = codeMap.value;
    const input = map.nodes.map((n) => ({ id: n.codeId, r: n.r, labelWidth: n.name.length * 7 }));
    const forces = repeat(() => layoutCodeMap(input, map.edges));
    const circle = repeat(() => circleLayout(input));
    const svg = repeat(() => codeMapSvg(map, 'Kodkarta', 2));
    return {
      codes: codeIds.length,
      nodes: map.nodes.length,
      edges: map.edges.length,
      codeMap_60codes_ms: codeMap.ms,
      codeMap_60codes_cpuMs: codeMap.cpuMs,
      forceLayoutOnly_ms: forces.ms,
      forceLayoutOnly_cpuMs: forces.cpuMs,
      reference_cooccurrenceOnly_ms: cooccurrence.ms,
      reference_cooccurrenceOnly_cpuMs: cooccurrence.cpuMs,
      reference_circleLayout_ms: circle.ms,
      svg_ms: svg.ms,
      ratio_codeMap_vs_cooccurrence_p50: round(codeMap.ms.p50 / Math.max(0.001, cooccurrence.ms.p50), 2),
      ratio_codeMap_vs_cooccurrence_cpu_p50: round(codeMap.cpuMs.p50 / Math.max(0.001, cooccurrence.cpuMs.p50), 2),
      target_ms: 500,
      meetsTarget: codeMap.ms.p95 < 500,
      meetsTargetOnCpu: codeMap.cpuMs.p95 < 500,
    };
  } finally {
    p.close();
  }
}
