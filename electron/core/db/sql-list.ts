/**
 * A list of values bound as ONE parameter: `column IN (SELECT value FROM json_each(?))` with
 * the values as JSON text. `IN (?, ?, …)` takes a variable per value, and SQLite refuses
 * more than 32,766 ("too many SQL variables"): lists the contract accepts (100,000 document
 * ids) and lists the core makes (a code's subtree) can be longer than that.
 */
export const IN_LIST = 'IN (SELECT value FROM json_each(?))';

export function listParam(values: readonly (number | string)[]): string {
  return JSON.stringify(values);
}
