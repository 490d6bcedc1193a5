/**
 * Reads a REFI-QDA container: a `.qdpx` zip (also renamed `.zip`), a bare `.qde` or a `.qdc`.
 * Every entry is checked before its bytes are used: no absolute paths or `..` (zip slip),
 * no symbolic links, no encrypted entries, and caps on the number of entries and on the
 * inflated size, counted while inflating (declared sizes can lie).
 */
import type yauzlNs from 'yauzl';
import { UserError } from '../errors';
import { lazyRequire } from '../lazy-require';

const yauzl = lazyRequire<typeof yauzlNs>('yauzl');

export interface ArchiveLimits {
  /** Sum of all inflated entry sizes. */
  maxInflatedBytes: number;
  maxEntries: number;
}

/** A project's sources can be large (the spec allows 2 GiB per file); what we read is held in memory. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxInflatedBytes: 1024 * 1024 * 1024, maxEntries: 20_000 };

/** The entries of an archive by their path inside it ('/'-separated, as stored). */
export interface Archive {
  entries: Map<string, Buffer>;
}

const ZIP_MAGIC = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === ZIP_MAGIC;
}

function refuse(file: string, en: string, sv: string): UserError {
  return new UserError('bad-file', en, file, sv);
}

/** Why an entry name is refused, or null: absolute paths, drive letters, `..`, NUL. */
export function unsafeEntryName(name: string): { en: string; sv: string } | null {
  if (name.includes('\0')) return { en: `the archive entry "${name.replace(/\0/g, '\\0')}" has a NUL in its name`, sv: `delen ”${name.replace(/\0/g, '\\0')}” i arkivet har ett NUL-tecken i namnet` };
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return { en: `the archive entry "${name}" has an absolute path`, sv: `delen ”${name}” i arkivet har en absolut sökväg` };
  if (n.split('/').some((s) => s === '..')) return { en: `the archive entry "${name}" points outside the archive (..)`, sv: `delen ”${name}” i arkivet pekar ut ur arkivet (..)` };
  return null;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads every entry of a zip into memory, refusing the archive at the first unsafe entry.
 * `onEntry` sees each entry as soon as it is read (the REFI import starts checking its
 * `.qde` while the sources are still being inflated); a refused archive refuses it anyway.
 */
export function readArchive(bytes: Buffer, file: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS, onEntry?: (name: string, bytes: Buffer) => void): Promise<Archive> {
  return new Promise((resolve, reject) => {
    // names are decoded and checked here (yauzl's own check would fail with its own wording)
    yauzl().fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (err, zip) => {
      if (err || !zip) {
        reject(refuse(file, 'is not a readable zip archive (cut off, or another kind of file)', 'är inget läsbart zip-arkiv (avklippt, eller en annan sorts fil)'));
        return;
      }
      const entries = new Map<string, Buffer>();
      let inflated = 0;
      let done = false;
      const stop = (e: UserError): void => {
        if (done) return;
        done = true;
        zip.close();
        reject(e);
      };
      if (zip.entryCount > limits.maxEntries) {
        stop(refuse(file, `the archive has ${zip.entryCount} entries (the limit is ${limits.maxEntries}); refused as a possible zip bomb`, `arkivet har ${zip.entryCount} delar (gränsen är ${limits.maxEntries}); vägrat som möjlig zip-bomb`));
        return;
      }
      const tooBig = (): UserError =>
        refuse(file, `the archive would unpack to more than ${mb(limits.maxInflatedBytes)}; refused as a possible zip bomb`, `arkivet skulle packas upp till mer än ${mb(limits.maxInflatedBytes)}; vägrat som möjlig zip-bomb`);
      zip.on('error', (e: Error) => stop(refuse(file, `the archive is damaged (${e.message})`, `arkivet är skadat (${e.message})`)));
      zip.on('end', () => {
        if (done) return;
        done = true;
        resolve({ entries });
      });
      zip.on('entry', (entry: yauzlNs.Entry) => {
        if (done) return;
        const raw = entry.fileName as unknown as Buffer;
        // bit 11: the name is UTF-8; older tools wrote CP437, which for ASCII names is the same
        const name = (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : raw.toString('latin1');
        const unsafe = unsafeEntryName(name);
        if (unsafe) return stop(refuse(file, unsafe.en, unsafe.sv));
        if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
          return stop(refuse(file, `the archive entry "${name}" is a symbolic link`, `delen ”${name}” i arkivet är en symbolisk länk`));
        }
        if (entry.isEncrypted()) return stop(refuse(file, `the archive entry "${name}" is encrypted`, `delen ”${name}” i arkivet är krypterad`));
        if (name.endsWith('/')) return zip.readEntry();
        if (inflated + entry.uncompressedSize > limits.maxInflatedBytes) return stop(tooBig());
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return stop(refuse(file, `the archive entry "${name}" cannot be read (${e2?.message ?? 'unknown'})`, `delen ”${name}” i arkivet går inte att läsa (${e2?.message ?? 'okänt fel'})`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            if (done) return;
            inflated += chunk.length;
            if (inflated > limits.maxInflatedBytes) {
              stream.destroy();
              return stop(tooBig());
            }
            chunks.push(chunk);
          });
          stream.on('error', (e3: Error) => stop(refuse(file, `the archive entry "${name}" is damaged (${e3.message})`, `delen ”${name}” i arkivet är skadad (${e3.message})`)));
          stream.on('end', () => {
            if (done) return;
            if (entries.has(name)) return stop(refuse(file, `the archive holds "${name}" twice`, `arkivet innehåller ”${name}” två gånger`));
            const data = sharedConcat(chunks);
            entries.set(name, data);
            onEntry?.(name, data);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * The chunks in one block of shared memory: the import's second thread reads the `.qde` and
 * the sources where they lie (refi/helper-thread.ts), so they are never copied to reach it.
 */
function sharedConcat(chunks: Buffer[]): Buffer {
  const out = Buffer.from(new SharedArrayBuffer(chunks.reduce((n, c) => n + c.length, 0)));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

/**
 * The single `.qde` at the archive's root: `project.qde` preferred, else the only `*.qde`
 * (ATLAS.ti names it after the project), matched without regard to case.
 */
export function findQde(archive: Archive, file: string): { name: string; bytes: Buffer } {
  const qdes = [...archive.entries.keys()].filter((n) => !n.includes('/') && /\.qde$/i.test(n));
  const preferred = qdes.find((n) => n.toLowerCase() === 'project.qde');
  const name = preferred ?? (qdes.length === 1 ? qdes[0] : undefined);
  if (!name) {
    if (qdes.length === 0) throw refuse(file, 'holds no project.qde (not a REFI-QDA project archive)', 'innehåller ingen project.qde (inget REFI-QDA-projektarkiv)');
    throw refuse(file, `holds several .qde files and none is project.qde (${qdes.join(', ')})`, `innehåller flera .qde-filer och ingen är project.qde (${qdes.join(', ')})`);
  }
  return { name, bytes: archive.entries.get(name)! };
}

/**
 * A source file named by a `plainTextPath`: `internal://X` (or a bare `X`, as qc ≤1.3 wrote)
 * is looked up in `sources/`, `Sources/`, any case variant of the folder, then the root.
 * Returns the entry's name, or null when the archive does not hold it.
 */
export function resolveInternal(archive: Archive, ref: string): string | null {
  const m = /^internal:\/\/(.*)$/i.exec(ref.trim());
  const name = (m ? m[1]! : ref.trim()).replace(/^\/+/, '');
  if (!name || unsafeEntryName(name)) return null;
  for (const candidate of [`sources/${name}`, `Sources/${name}`]) if (archive.entries.has(candidate)) return candidate;
  const lower = `sources/${name}`.toLowerCase();
  for (const key of archive.entries.keys()) if (key.toLowerCase() === lower) return key;
  return archive.entries.has(name) ? name : null;
}
