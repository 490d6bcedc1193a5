/** Which reader handles which file extension. */
export const TEXT_FORMATS = ['txt', 'md', 'docx', 'odt', 'rtf', 'pdf', 'vtt', 'srt'] as const;
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_FORMATS = [...TEXT_FORMATS, ...TABLE_FORMATS] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function formatOf(fileName: string): ImportFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'markdown') return 'md';
  if (ext === 'text') return 'txt';
  return (IMPORT_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as ImportFormat) : undefined;
}

export function isTableFormat(f: ImportFormat): f is (typeof TABLE_FORMATS)[number] {
  return f === 'csv' || f === 'xlsx';
}
