/**
 * The three panes (documents, centre, codes) with splitters between them: drag or use the
 * arrow keys on a splitter to resize, double-click it or use the pane's collapse button to
 * fold a side pane to a narrow strip. Widths and folds are remembered per project (by its
 * GUID) in this browser's storage, so each project opens as it was left.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';

export interface PaneLayout {
  left: number;
  right: number;
  leftCollapsed: boolean;
  rightCollapsed: boolean;
}

export const DEFAULT_PANES: PaneLayout = { left: 270, right: 310, leftCollapsed: false, rightCollapsed: false };
const MIN = 180;
const MAX = 640;
const STRIP = 30;
const clamp = (w: number): number => Math.max(MIN, Math.min(MAX, Math.round(w)));

const storageKey = (guid: string): string => `rodtrad.panes.${guid}`;

export function loadPanes(guid: string | undefined): PaneLayout {
  if (!guid) return DEFAULT_PANES;
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(guid)) ?? 'null') as Partial<PaneLayout> | null;
    if (!v) return DEFAULT_PANES;
    return {
      left: typeof v.left === 'number' ? clamp(v.left) : DEFAULT_PANES.left,
      right: typeof v.right === 'number' ? clamp(v.right) : DEFAULT_PANES.right,
      leftCollapsed: v.leftCollapsed === true,
      rightCollapsed: v.rightCollapsed === true,
    };
  } catch {
    return DEFAULT_PANES;
  }
}

export function Workbench({ left, center, right }: { left: ReactNode; center: ReactNode; right: ReactNode }) {
  const { t } = useTranslation();
  const guid = useApp((s) => s.info?.guid);
  const [layout, setLayout] = useState<PaneLayout>(() => loadPanes(guid));
  // Another project opens with its own layout (adjusted while rendering, as React advises).
  const [shownGuid, setShownGuid] = useState(guid);
  if (shownGuid !== guid) {
    setShownGuid(guid);
    setLayout(loadPanes(guid));
  }
  useEffect(() => {
    if (guid) localStorage.setItem(storageKey(guid), JSON.stringify(layout));
  }, [guid, layout]);

  const update = useCallback((patch: Partial<PaneLayout>) => setLayout((l) => ({ ...l, ...patch })), []);
  const columns = `${layout.leftCollapsed ? STRIP : layout.left}px 6px minmax(0, 1fr) 6px ${layout.rightCollapsed ? STRIP : layout.right}px`;

  return (
    <main className="workbench" style={{ gridTemplateColumns: columns }} data-testid="workbench">
      {layout.leftCollapsed ? (
        <CollapsedStrip label={t('panes.documents')} side="left" onOpen={() => update({ leftCollapsed: false })} />
      ) : (
        <div className="pane pane-left">{left}</div>
      )}
      <Splitter
        label={t('panes.resizeLeft')}
        width={layout.left}
        collapsed={layout.leftCollapsed}
        direction={1}
        onWidth={(w) => update({ left: clamp(w), leftCollapsed: false })}
        onToggle={() => update({ leftCollapsed: !layout.leftCollapsed })}
        foldLabel={t(layout.leftCollapsed ? 'panes.expand' : 'panes.collapse', { name: t('panes.documents') })}
        testId="splitter-left"
      />
      <div className="pane pane-center">{center}</div>
      <Splitter
        label={t('panes.resizeRight')}
        width={layout.right}
        collapsed={layout.rightCollapsed}
        direction={-1}
        onWidth={(w) => update({ right: clamp(w), rightCollapsed: false })}
        onToggle={() => update({ rightCollapsed: !layout.rightCollapsed })}
        foldLabel={t(layout.rightCollapsed ? 'panes.expand' : 'panes.collapse', { name: t('panes.codes') })}
        testId="splitter-right"
      />
      {layout.rightCollapsed ? (
        <CollapsedStrip label={t('panes.codes')} side="right" onOpen={() => update({ rightCollapsed: false })} />
      ) : (
        <div className="pane pane-right">{right}</div>
      )}
    </main>
  );
}

function CollapsedStrip({ label, side, onOpen }: { label: string; side: 'left' | 'right'; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`pane-strip ${side}`} onClick={onOpen} title={t('panes.expand', { name: label })} aria-label={t('panes.expand', { name: label })} data-testid={`strip-${side}`}>
      <span>{label}</span>
    </button>
  );
}

/** A vertical splitter: drag, arrow keys (Shift for bigger steps), Home/End, double-click or Enter to fold. */
function Splitter(props: { label: string; foldLabel: string; width: number; collapsed: boolean; direction: 1 | -1; onWidth(w: number): void; onToggle(): void; testId: string }) {
  const { label, foldLabel, width, collapsed, direction, onWidth, onToggle, testId } = props;
  // the arrow points the way the pane will go: folding a left pane moves its edge left
  const arrow = (direction === 1) === collapsed ? '›' : '‹';
  const drag = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={collapsed ? 0 : width}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        e.preventDefault();
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width: collapsed ? MIN : width };
      }}
      onPointerMove={(e) => {
        if (drag.current) onWidth(drag.current.width + (e.clientX - drag.current.x) * direction);
      }}
      onPointerUp={(e) => {
        drag.current = null;
        (e.currentTarget as HTMLElement).releasePointerCapture(e.pointerId);
      }}
      onDoubleClick={onToggle}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 60 : 16;
        if (e.key === 'ArrowLeft') { e.preventDefault(); onWidth(width - step * direction); }
        else if (e.key === 'ArrowRight') { e.preventDefault(); onWidth(width + step * direction); }
        else if (e.key === 'Home') { e.preventDefault(); onWidth(MIN); }
        else if (e.key === 'End') { e.preventDefault(); onWidth(MAX); }
        else if (e.key === 'Enter') { e.preventDefault(); onToggle(); }
      }}
    >
      <button
        type="button"
        className="splitter-fold"
        tabIndex={-1}
        title={foldLabel}
        aria-label={foldLabel}
        onPointerDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onClick={onToggle}
        data-testid={`${testId}-fold`}
      >
        {arrow}
      </button>
    </div>
  );
}
