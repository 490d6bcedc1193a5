/**
 * DOM selection → UTF-16 offsets into the stored document text. Every text-bearing span of
 * the document view (the speaker label inside a turn, each coded/uncoded segment) carries
 * data-start = the offset of its first character, and holds exactly one text node, so a
 * point (node, offset) maps to data-start + offset. Points on elements (triple click, a
 * selection that ends in the gutter) map to the nearest text span.
 */
const TEXT_SPAN = '[data-start]:not([data-block])';

function spanStart(el: Element): number {
  return Number((el as HTMLElement).dataset.start);
}

function spanEnd(el: Element): number {
  return spanStart(el) + (el.textContent?.length ?? 0);
}

/** The offset of a DOM point, or null when it is outside any document block. */
export function pointToOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest(TEXT_SPAN);
    if (span) return spanStart(span) + Math.min(offset, node.textContent?.length ?? 0);
    node = node.parentElement!;
    offset = 0;
  }
  const el = node as Element;
  const inside = el.closest?.(TEXT_SPAN);
  if (inside) {
    // Element point inside a span: before child #offset.
    return offset === 0 ? spanStart(inside) : spanEnd(inside);
  }
  const block = el.closest?.('[data-block]');
  if (!block) return null;
  const spans = [...block.querySelectorAll(TEXT_SPAN)];
  if (spans.length === 0) return Number((block as HTMLElement).dataset.start);
  // Before child #offset of el: the first span at or after that child, else the block's end.
  const child = el.childNodes[offset];
  if (child) {
    for (const s of spans) {
      if (child === s || child.contains(s) || child.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) return spanStart(s);
    }
  }
  return spanEnd(spans[spans.length - 1]!);
}

/** The current window selection as [start, end) in the document, or null if empty or outside. */
export function selectionOffsets(root: Element): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const a = pointToOffset(range.startContainer, range.startOffset);
  const b = pointToOffset(range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}

/** A DOM Range over [start, end) restricted to the text spans inside `container`, for measuring. */
export function rangeFor(container: Element, start: number, end: number): Range | null {
  const spans = [...container.querySelectorAll(TEXT_SPAN)];
  let startPoint: [Node, number] | null = null;
  let endPoint: [Node, number] | null = null;
  for (const s of spans) {
    const a = spanStart(s);
    const b = spanEnd(s);
    const text = s.firstChild;
    if (!text) continue;
    if (!startPoint && start < b) startPoint = [text, Math.max(0, start - a)];
    if (end > a && end <= b) endPoint = [text, end - a];
    if (end > b) endPoint = [text, b - a];
  }
  if (!startPoint || !endPoint) return null;
  const r = document.createRange();
  r.setStart(startPoint[0], startPoint[1]);
  r.setEnd(endPoint[0], endPoint[1]);
  return r;
}
