/** The code map's methods (shared/contract/codemap.ts). */
import type { Handlers } from '../api/types';
import { codeMapSvg } from '../../../shared/charts/code-map-svg';
import { wording } from '../../../shared/wording';
import { deliver } from '../export/deliver';
import { provenanceOf } from '../export/provenance';

/** The layout library is loaded on the first code map, not when the CLI or a host starts. */
const codeMap = () => import('./code-map');

type CodeMapMethod = 'tables.codeMap' | 'tables.placeCodeMapNodes' | 'tables.resetCodeMap' | 'tables.exportCodeMap';

export const codeMapHandlers: Handlers<CodeMapMethod> = {
  'tables.codeMap': async ({ session }, req) => (await codeMap()).buildCodeMap(session.requireProject(), req),
  'tables.placeCodeMapNodes': async ({ session }, { positions }) => ({ placed: (await codeMap()).placeCodeMapNodes(session.requireProject(), positions) }),
  'tables.resetCodeMap': async ({ session }) => ({ forgotten: (await codeMap()).resetCodeMap(session.requireProject()) }),
  'tables.exportCodeMap': async ({ session }, { format, path, pseudonymise, ...req }) => {
    const p = session.requireProject();
    const map = (await codeMap()).buildCodeMap(p, req);
    const lang = map.language;
    const title = lang === 'sv' ? 'Kodkarta' : 'Code map';
    const prov = provenanceOf(p, { language: lang, filter: req.filter, codes: req.codeIds ? map.nodes.map((n) => n.path) : [], countingRule: wording(lang).cooccurrenceCountingRule(map.by) });
    const svg = codeMapSvg(map, title, map.minWeight, prov);
    return deliver(Buffer.from(svg, 'utf8'), format, title, path, { project: p, pseudonymise });
  },
};
