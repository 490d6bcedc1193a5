/**
 * A warning for projects in cloud-synced or network folders: a sync client copying an SQLite
 * file (or its -wal) while it is written, or a network file system's locking, can corrupt it.
 * Found by the folder names the sync clients use, and on Linux by the mount's file system type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SYNCED = /(^|[\\/])(Dropbox|OneDrive( - [^\\/]+)?|iCloud Drive|iCloudDrive|Mobile Documents|com~apple~CloudDocs|Nextcloud|ownCloud|Google Drive|GoogleDrive|My Drive|Box Sync|pCloud Drive|Sync)([\\/]|$)/iu;
const NETWORK_FS = new Set(['cifs', 'smb3', 'smbfs', 'nfs', 'nfs4', 'fuse.sshfs', 'davfs', 'fuse.davfs2', 'afpfs', '9p', 'fuse.rclone', 'fuse.onedriver']);

export interface StorageWarning {
  kind: 'cloud' | 'network';
  where: string;
  message: string;
  messageSv: string;
}

/** The mount point and type that holds file, from /proc/mounts' text. */
function mountOf(file: string, mounts: string): { point: string; type: string } | undefined {
  let best: { point: string; type: string } | undefined;
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const p = point.replace(/\\040/g, ' ');
    const inside = file === p || file.startsWith(p.endsWith('/') ? p : `${p}/`);
    if (inside && (!best || p.length > best.point.length)) best = { point: p, type };
  }
  return best;
}

function readMounts(): string {
  try {
    return readFileSync('/proc/mounts', 'utf8');
  } catch {
    return '';
  }
}

export function storageWarning(file: string, mounts: string = process.platform === 'linux' ? readMounts() : ''): StorageWarning | null {
  const abs = path.resolve(file);
  const synced = SYNCED.exec(abs);
  if (synced) {
    return {
      kind: 'cloud',
      where: synced[2]!,
      message: `The project is in a cloud-synced folder (${synced[2]}). Sync can corrupt a project that is open; keep projects in a local folder and back them up instead.`,
      messageSv: `Projektet ligger i en molnsynkad mapp (${synced[2]}). Synkningen kan förstöra ett öppet projekt; förvara projekt i en lokal mapp och säkerhetskopiera dem i stället.`,
    };
  }
  const mount = mounts ? mountOf(abs, mounts) : undefined;
  if (mount && NETWORK_FS.has(mount.type)) {
    return {
      kind: 'network',
      where: `${mount.point} (${mount.type})`,
      message: `The project is on a network drive (${mount.point}, ${mount.type}). SQLite files on network drives can be corrupted; keep projects on a local disk.`,
      messageSv: `Projektet ligger på en nätverksenhet (${mount.point}, ${mount.type}). SQLite-filer på nätverksenheter kan förstöras; förvara projekt på en lokal disk.`,
    };
  }
  return null;
}
