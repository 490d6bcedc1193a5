/**
 * Whether this process may write a project: the file itself and its folder (SQLite puts
 * the -wal and -shm files next to the project). A project that fails either is opened
 * read-only, so that nothing is created next to it.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export function canWriteProject(file: string): boolean {
  // Test hook: tests run as root, which passes every access check, so they name the files
  // to treat as unwritable here (separated like PATH).
  const unwritable = process.env.RODTRAD_TEST_UNWRITABLE;
  if (unwritable && unwritable.split(path.delimiter).includes(file)) return false;
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
