/**
 * Checks a zip-based document (DOCX, ODT, XLSX) before a library unpacks it: mammoth,
 * exceljs and jszip inflate whole entries into memory, so a zip bomb or a billion-laughs
 * XML part must be refused here. Every entry is inflated as a stream and counted (declared
 * sizes can lie); XML parts are scanned for DOCTYPE/ENTITY declarations, which Office
 * files never need and which are how XXE and entity expansion attacks start.
 */
import type yauzlNs from 'yauzl';
import { lazyRequire } from '../lazy-require';

const yauzl = lazyRequire<typeof yauzlNs>('yauzl');

export interface ZipLimits {
  /** Sum of all inflated entry sizes. */
  maxInflatedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 512 * 1024 * 1024, maxEntries: 20_000 };

/** What is wrong, in English (`detail`) and Swedish (`sv`). */
export type ZipProblem = { kind: 'corrupt' | 'bomb' | 'entities' | 'encrypted'; detail: string; sv: string };

export interface ZipReport {
  entries: string[];
  inflatedBytes: number;
}

export class ZipRejected extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.detail);
    this.name = 'ZipRejected';
  }
}

const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

export function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, signal?: { readonly cancelled: boolean }): Promise<ZipReport> {
  return new Promise((resolve, reject) => {
    const fail = (p: ZipProblem): void => reject(new ZipRejected(p));
    yauzl().fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      // yauzl's own wording ("End of central directory record signature not found …") helps no researcher
      if (err || !zip) return fail({ kind: 'corrupt', detail: 'it is not a readable zip archive (cut off, or another kind of file with this name)', sv: 'det är inget läsbart zip-arkiv (avklippt, eller en annan sorts fil med det här namnet)' });
      const entries: string[] = [];
      let inflated = 0;
      let done = false;
      const stop = (p: ZipProblem): void => {
        if (done) return;
        done = true;
        zip.close();
        fail(p);
      };
      if (zip.entryCount > limits.maxEntries) return stop({ kind: 'bomb', detail: `the archive has ${zip.entryCount} entries (limit ${limits.maxEntries})`, sv: `arkivet har ${zip.entryCount} delar (gränsen är ${limits.maxEntries})` });
      zip.on('error', (e: Error) => stop({ kind: 'corrupt', detail: `the archive is damaged (${e.message})`, sv: `arkivet är skadat (${e.message})` }));
      zip.on('end', () => {
        if (done) return;
        done = true;
        resolve({ entries, inflatedBytes: inflated });
      });
      zip.on('entry', (entry: yauzlNs.Entry) => {
        if (done) return;
        if (signal?.cancelled) return stop({ kind: 'corrupt', detail: 'cancelled', sv: 'avbrutet' });
        entries.push(entry.fileName);
        if (entry.isEncrypted()) return stop({ kind: 'encrypted', detail: `the archive entry ${entry.fileName} is encrypted`, sv: `delen ${entry.fileName} i arkivet är krypterad` });
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        if (inflated + entry.uncompressedSize > limits.maxInflatedBytes) {
          return stop({ kind: 'bomb', detail: `it would unpack to more than ${mb(limits.maxInflatedBytes)} (a zip bomb?)`, sv: `det skulle packas upp till mer än ${mb(limits.maxInflatedBytes, 'sv')} (en zip-bomb?)` });
        }
        const isXml = /\.(xml|rels)$/i.test(entry.fileName);
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return stop({ kind: 'corrupt', detail: `the archive entry ${entry.fileName} cannot be read (${e2?.message ?? 'unknown'})`, sv: `delen ${entry.fileName} i arkivet går inte att läsa (${e2?.message ?? 'okänt fel'})` });
          let tail = '';
          stream.on('data', (chunk: Buffer) => {
            if (done) return;
            inflated += chunk.length;
            if (inflated > limits.maxInflatedBytes) {
              stream.destroy();
              return stop({ kind: 'bomb', detail: `it would unpack to more than ${mb(limits.maxInflatedBytes)} (a zip bomb?)`, sv: `det skulle packas upp till mer än ${mb(limits.maxInflatedBytes, 'sv')} (en zip-bomb?)` });
            }
            if (isXml) {
              // keep a few characters across chunk boundaries so a split "<!ENT|ITY" is still seen
              // NULs dropped so a UTF-16 part cannot hide its declarations
              const s = tail + chunk.toString('latin1').replace(/\0/g, '');
              if (DECLARATION.test(s)) {
                stream.destroy();
                return stop({
                  kind: 'entities',
                  detail: `${entry.fileName} declares a DOCTYPE or ENTITY (external entities and entity expansion are refused)`,
                  sv: `${entry.fileName} deklarerar DOCTYPE eller ENTITY (externa entiteter och entitetsexpansion vägras)`,
                });
              }
              tail = s.slice(-16);
            }
          });
          stream.on('error', (e3: Error) => stop({ kind: 'corrupt', detail: `the archive entry ${entry.fileName} is damaged (${e3.message})`, sv: `delen ${entry.fileName} i arkivet är skadad (${e3.message})` }));
          stream.on('end', () => {
            if (!done) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function mb(n: number, lang: 'en' | 'sv' = 'en'): string {
  return `${Math.round(n / 1024 / 1024).toLocaleString(lang)} MB`;
}
