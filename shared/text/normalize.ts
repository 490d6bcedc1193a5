/**
 * Stored text is NFC with '\n' line ends; every offset in the project counts UTF-16 code
 * units into that text. Importers normalise here, once, at the edge.
 */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?|\u2028|\u2029/g, '\n').normalize('NFC');
}
