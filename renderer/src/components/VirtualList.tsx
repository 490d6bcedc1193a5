/** A virtualised vertical list (only visible rows are in the DOM), for documents, codes and quotations. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

interface Props<T> {
  items: T[];
  estimateSize: (index: number) => number;
  render: (item: T, index: number) => ReactNode;
  getKey: (item: T) => string | number;
  className?: string;
  ariaLabel: string;
  role?: string;
}

export function VirtualList<T>({ items, estimateSize, render, getKey, className, ariaLabel, role = 'list' }: Props<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  // The React Compiler would skip this component (TanStack Virtual returns functions it cannot
  // memoise); the project does not use the compiler, and the virtualizer is used as its docs say.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize,
    overscan: 8,
    getItemKey: (i) => getKey(items[i]!),
  });
  return (
    <div ref={parentRef} className={`virtual-scroll ${className ?? ''}`} aria-label={ariaLabel} role={role}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}
          >
            {render(items[v.index]!, v.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
