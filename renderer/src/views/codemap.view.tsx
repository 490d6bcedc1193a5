/**
 * "Kodkarta": the codes as a network — circles sized by quotations in the code's colour, lines
 * as wide as the codes' co-occurrence — laid out by the core (seeded, so the same every time).
 * A minimum weight hides the lighter lines, a code can be dragged (the map is then kept as the
 * user left it, per project), a line opens the quotations behind it beside the map, and the map
 * goes out as SVG (the core's file) or PNG (that file drawn on a canvas).
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeMap } from '../../../shared/contract/codemap';
import type { DocumentFilter } from '../../../shared/contract/filter';
import type { CooccurrenceBy } from '../../../shared/contract/tables';
import type { DrillRequest } from '../../../shared/contract/drill';
import { codeMapGeometry, LABEL_SIZE, type Box } from '../../../shared/charts/code-map-svg';
import { CHART_FONT } from '../../../shared/charts/svg-chart';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { downloadExport } from '../tables/download';
import { FilterChips } from '../tables/FilterChips';
import { CooccurrenceBySelect } from '../tables/CooccurrenceBy';
import { useFilterChoices } from '../tables/use-filter-choices';
import { DrillPanel } from '../tables/DrillPanel';
import type { ViewDef } from './registry';
import '../tables/tables.css';

interface Drag {
  id: number;
  /** Pointer minus node centre, in map units. */
  dx: number;
  dy: number;
  x: number;
  y: number;
  moved: boolean;
  /** The frame at the start: it stays while the node moves, so the map does not swim. */
  viewBox: Box;
}

/** The exported SVG drawn on a canvas at twice its size, saved as PNG. */
async function savePng(svgText: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the map could not be drawn as PNG'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const base64 = canvas.toDataURL('image/png').split(',')[1]!;
    downloadExport({ path: null, base64, fileName, mime: 'image/png', bytes: Math.floor((base64.length * 3) / 4) });
  } finally {
    URL.revokeObjectURL(url);
  }
}

function CodeMapView() {
  const { t, i18n } = useTranslation();
  const lang: 'sv' | 'en' = i18n.language.startsWith('sv') ? 'sv' : 'en';
  const info = useApp((s) => s.info);
  const setError = useApp((s) => s.setError);
  const [filter, setFilter] = useState<DocumentFilter>({});
  const [showFilter, setShowFilter] = useState(false);
  const [by, setBy] = useState<CooccurrenceBy>('overlap');
  const [minWeight, setMinWeight] = useState(1);
  const [map, setMap] = useState<CodeMap | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [reload, setReload] = useState(0);
  const svgRef = useRef<SVGSVGElement>(null);

  const { attributes, groups } = useFilterChoices(info?.file);

  // Only the latest request may set the map.
  const seq = useRef(0);
  useEffect(() => {
    if (!info) return;
    const mine = ++seq.current;
    api.call('tables.codeMap', { by, filter, language: lang }).then((m) => mine === seq.current && setMap(m), (e: Error) => setError(e.message));
  }, [info, by, filter, lang, reload, setError]);

  if (!info) return <p className="empty">{t('app.noProject')}</p>;

  const shown: CodeMap | null = map && drag ? { ...map, nodes: map.nodes.map((n) => (n.codeId === drag.id ? { ...n, x: drag.x, y: drag.y } : n)) } : map;
  const geometry = shown ? codeMapGeometry(shown, minWeight) : null;
  const viewBox = drag?.viewBox ?? geometry?.viewBox;
  const names = new Map(shown?.nodes.map((n) => [n.codeId, n.name]) ?? []);

  const toMap = (e: PointerEvent): { x: number; y: number } => {
    const svg = svgRef.current!;
    const pt = svg.createSVGPoint();
    pt.x = e.clientX;
    pt.y = e.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM()!.inverse());
    return { x: p.x, y: p.y };
  };
  const startDrag = (e: PointerEvent<SVGGElement>, id: number): void => {
    if (!map || !geometry) return;
    const node = map.nodes.find((n) => n.codeId === id)!;
    const at = toMap(e);
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id, dx: at.x - node.x, dy: at.y - node.y, x: node.x, y: node.y, moved: false, viewBox: geometry.viewBox });
  };
  const moveDrag = (e: PointerEvent): void => {
    if (!drag) return;
    const at = toMap(e);
    const x = Math.round((at.x - drag.dx) * 10) / 10;
    const y = Math.round((at.y - drag.dy) * 10) / 10;
    setDrag({ ...drag, x, y, moved: drag.moved || Math.hypot(x - drag.x, y - drag.y) > 1 });
  };
  const endDrag = async (): Promise<void> => {
    if (!drag || !shown) return;
    setDrag(null);
    if (!drag.moved) return;
    // The whole map is kept as the user sees it, so moving one code never rearranges the others.
    setMap({ ...shown, nodes: shown.nodes.map((n) => ({ ...n, placed: true })) });
    try {
      await api.call('tables.placeCodeMapNodes', { positions: shown.nodes.map((n) => ({ codeId: n.codeId, x: n.x, y: n.y })) });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const rearrange = async (): Promise<void> => {
    try {
      await api.call('tables.resetCodeMap', {});
      setReload((r) => r + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportMap = async (format: 'svg' | 'png'): Promise<void> => {
    try {
      const r = await api.call('tables.exportCodeMap', { by, filter, language: lang, minWeight });
      if (format === 'svg') downloadExport(r);
      else {
        const bytes = Uint8Array.from(atob(r.base64 ?? ''), (c) => c.charCodeAt(0));
        await savePng(new TextDecoder().decode(bytes), r.fileName.replace(/\.svg$/, '.png'));
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const edgeDrill = (a: number, b: number): DrillRequest => ({ from: 'cooccurrence', request: { by, filter, language: lang }, codeIds: [a, b] });
  const isOpen = (a: number, b: number): boolean => drill?.from === 'cooccurrence' && drill.codeIds[0] === a && drill.codeIds[1] === b;
  const maxWeight = Math.max(1, map?.maxWeight ?? 1);
  return (
    <div className="drill-host">
      <div className="cm-view drill-main">
        <div className="tt-toolbar">
          <span className="tt-toolbar-title">{t('tables.codeMap.title')}</span>
          <CooccurrenceBySelect value={by} onChange={setBy} />
          <label>
            {t('tables.codeMap.minWeight')}{' '}
            <input
              type="range"
              min={1}
              max={maxWeight}
              value={Math.min(minWeight, maxWeight)}
              onChange={(e) => setMinWeight(Number(e.target.value))}
              aria-label={t('tables.codeMap.minWeight')}
            />
            <input
              type="number"
              className="cm-weight"
              min={1}
              max={maxWeight}
              value={minWeight}
              onChange={(e) => setMinWeight(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
              data-testid="codemap-min-weight"
            />
          </label>
          {geometry && map && <span className="muted" data-testid="codemap-edge-count">{t('tables.codeMap.edges', { shown: geometry.edges.length, total: map.edges.length })}</span>}
          <button type="button" aria-expanded={showFilter} className={Object.keys(filter).length ? 'on' : ''} onClick={() => setShowFilter(!showFilter)}>
            {t('tables.filter')}{Object.keys(filter).length ? ' ●' : ''}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => void rearrange()} title={t('tables.codeMap.rearrangeHint')} disabled={!map?.nodes.some((n) => n.placed)} data-testid="codemap-rearrange">
            {t('tables.codeMap.rearrange')}
          </button>
          <button type="button" onClick={() => void exportMap('svg')} data-testid="codemap-export-svg">{t('tables.codeMap.svg')}</button>
          <button type="button" onClick={() => void exportMap('png')} data-testid="codemap-export-png">{t('tables.codeMap.png')}</button>
        </div>
        {showFilter && (
          <div className="mx-filter">
            <FilterChips filter={filter} onChange={setFilter} attributes={attributes} groups={groups} />
          </div>
        )}
        {map && map.nodes.length === 0 && <p className="empty">{t('tables.codeMap.empty')}</p>}
        {geometry && viewBox && map && map.nodes.length > 0 && (
          <>
            <p className="cm-hint muted">{t('tables.codeMap.dragHint')}</p>
            <div className="cm-canvas">
              <svg
                ref={svgRef}
                data-testid="codemap-svg"
                viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.w} ${viewBox.h}`}
                preserveAspectRatio="xMidYMid meet"
                fontFamily={CHART_FONT}
                onPointerMove={moveDrag}
                onPointerUp={() => void endDrag()}
                onPointerCancel={() => setDrag(null)}
              >
                <g className="cm-edges">
                  {geometry.edges.map((e) => (
                    <g
                      key={`${e.a}-${e.b}`}
                      className={`cm-edge${isOpen(e.a, e.b) ? ' on' : ''}`}
                      data-testid="codemap-edge"
                      data-a={e.a}
                      data-b={e.b}
                      data-weight={e.weight}
                      onClick={() => setDrill(edgeDrill(e.a, e.b))}
                    >
                      <title>{t('tables.codeMap.edgeTitle', { a: names.get(e.a), b: names.get(e.b), weight: e.weight })}</title>
                      <line className="cm-line" x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} strokeWidth={e.width} />
                      <line className="cm-hit" x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} strokeWidth={Math.max(12, e.width + 8)} />
                    </g>
                  ))}
                </g>
                <g className="cm-nodes">
                  {geometry.nodes.map((n) => (
                    <g key={n.codeId} className={`cm-node${drag?.id === n.codeId ? ' dragging' : ''}`} data-testid="codemap-node" data-code-id={n.codeId} onPointerDown={(e) => startDrag(e, n.codeId)}>
                      <title>{`${n.path} (${n.quotations})`}</title>
                      <circle cx={n.x} cy={n.y} r={n.r} fill={n.color} />
                    </g>
                  ))}
                </g>
                <g className="cm-labels" fontSize={LABEL_SIZE}>
                  {geometry.nodes.map((n) => (
                    <text key={n.codeId} x={n.label.x} y={n.label.y} textAnchor={n.label.anchor} data-testid="codemap-label">
                      {n.label.text}
                    </text>
                  ))}
                </g>
              </svg>
            </div>
          </>
        )}
      </div>
      <DrillPanel request={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

const view: ViewDef = { id: 'codemap', titleKey: 'tables.codeMapTab', order: 52, component: CodeMapView };
export default view;
