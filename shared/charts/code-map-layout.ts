/**
 * The code map's layout: a force simulation (d3-force) run to rest in a fixed number of
 * steps, with its random source seeded and the nodes in a fixed order, so one project gives
 * one map — in the UI, the CLI and the tests alike. Co-occurring codes pull together (the
 * heavier the edge, the harder; each code by its five strongest ties), all codes push apart, and each keeps room for its circle and
 * label. Nodes the user placed stay where they were put; the others settle around them.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { mulberry32 } from '../random/mulberry32';

export interface LayoutNode {
  id: number;
  /** Circle radius. */
  r: number;
  /** Room the label needs beside the circle (its width). */
  labelWidth: number;
  /** A position the user chose: kept as it is. */
  fixed?: { x: number; y: number };
}

export interface LayoutEdge {
  a: number;
  b: number;
  weight: number;
}

interface SimNode extends SimulationNodeDatum {
  id: number;
  room: number;
}

const STEPS = 200;
/** Each node is pulled by its few strongest ties: a dense map (every pair co-occurring) is otherwise one knot, and slow. */
const TIES = 5;

/** The edges among each node's TIES heaviest (ties broken by ids), without repeats. */
function strongestTies(edges: readonly LayoutEdge[]): LayoutEdge[] {
  const byNode = new Map<number, LayoutEdge[]>();
  for (const e of edges) {
    if (e.a === e.b) continue;
    for (const n of [e.a, e.b]) {
      const list = byNode.get(n);
      if (list) list.push(e);
      else byNode.set(n, [e]);
    }
  }
  const kept = new Set<LayoutEdge>();
  for (const list of byNode.values()) {
    list.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
    for (const e of list.slice(0, TIES)) kept.add(e);
  }
  return [...kept];
}

/** Positions by node id. Same nodes, edges and seed → the same positions, to the last digit. */
export function layoutCodeMap(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], seed = 16): Map<number, { x: number; y: number }> {
  const ordered = [...nodes].sort((a, b) => a.id - b.id);
  const sim: SimNode[] = ordered.map((n) => ({
    id: n.id,
    room: n.r + 6 + Math.min(n.labelWidth, 160) / 2,
    ...(n.fixed ? { x: n.fixed.x, y: n.fixed.y, fx: n.fixed.x, fy: n.fixed.y } : {}),
  }));
  const known = new Set(ordered.map((n) => n.id));
  const ties = strongestTies(edges.filter((e) => known.has(e.a) && known.has(e.b)));
  const maxWeight = Math.max(1, ...ties.map((e) => e.weight));
  const links: (SimulationLinkDatum<SimNode> & { weight: number })[] = ties
    .sort((x, y) => x.a - y.a || x.b - y.b)
    .map((e) => ({ source: e.a, target: e.b, weight: e.weight }));
  const simulation = forceSimulation(sim)
    .randomSource(mulberry32(seed))
    // to rest (alpha 0.001) in STEPS steps rather than d3's default 300
    .alphaDecay(1 - Math.pow(0.001, 1 / STEPS))
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => 70 + 90 * (1 - l.weight / maxWeight) + ((l.source as SimNode).room + (l.target as SimNode).room) / 2)
        .strength((l) => 0.08 + 0.5 * (l.weight / maxWeight)),
    )
    .force('charge', forceManyBody<SimNode>().strength(-260).distanceMax(900))
    .force('collide', forceCollide<SimNode>((d) => d.room).strength(0.9).iterations(2))
    // codes without edges drift towards the middle instead of off the page
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .stop();
  simulation.tick(STEPS);
  const out = new Map<number, { x: number; y: number }>();
  // rounded, so the numbers (and an exported file) do not depend on the last floating-point bits
  for (const n of sim) out.set(n.id, { x: Math.round((n.x ?? 0) * 10) / 10, y: Math.round((n.y ?? 0) * 10) / 10 });
  return out;
}

/** The reference layout the benchmark compares with: codes on a circle, no forces. */
export function circleLayout(nodes: readonly LayoutNode[]): Map<number, { x: number; y: number }> {
  const R = 60 * Math.max(3, nodes.length) / (2 * Math.PI);
  return new Map(nodes.map((n, i) => [n.id, { x: R * Math.cos((2 * Math.PI * i) / nodes.length), y: R * Math.sin((2 * Math.PI * i) / nodes.length) }]));
}
