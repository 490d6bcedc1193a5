/**
 * Stored text is NFC with '\n' line ends; every offset in the project counts UTF-16 code
 * units into that text. Importers normalise here, once, at the edge.
 */
export function normalizeText(raw: string): string {
  // most files need no line-end change; finding that out by includes() is far cheaper
  // than a regex replace over megabytes
  const lineEnds = raw.includes('\r') || raw.includes('\u2028') || raw.includes('\u2029');
  return (lineEnds ? raw.replace(/\r\n?|\u2028|\u2029/g, '\n') : raw).normalize('NFC');
}
