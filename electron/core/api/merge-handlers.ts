/**
 * Joins the areas' handler maps into the dispatch table. A plain object spread would let a
 * method defined in two areas silently take the later one, so a duplicate is refused.
 */
type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;

export function mergeHandlers<T extends readonly object[]>(...maps: T): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [method, handler] of Object.entries(map)) {
      if (Object.hasOwn(merged, method)) throw new Error(`the handler for "${method}" is defined twice`);
      merged[method] = handler;
    }
  }
  return merged as Merged<T>;
}
