/**
 * What the app remembers for the user, not for a project: the projects opened recently and
 * the folder new projects go to. Kept in the user's own data folder (RODTRAD_HOME, else
 * ~/.rodtrad, where `npm start` also puts the sample project), never inside a project, so a
 * project file handed to a colleague carries nothing of the sender's other projects.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../files/write-atomically';

export const RECENT_LIMIT = 10;

const Settings = z.object({
  recent: z.array(z.object({ file: z.string(), opened: z.string() })).default([]),
  defaultFolder: z.string().nullable().default(null),
});
export type UserSettings = z.infer<typeof Settings>;

/** The user's data folder: RODTRAD_HOME, else ~/.rodtrad. */
export function userDataDir(): string {
  return process.env.RODTRAD_HOME || path.join(os.homedir(), '.rodtrad');
}

const settingsFile = (): string => path.join(userDataDir(), 'settings.json');

export function readUserSettings(): UserSettings {
  try {
    return Settings.parse(JSON.parse(readFileSync(settingsFile(), 'utf8')));
  } catch {
    // missing or damaged: start again from nothing rather than keep the app from starting
    return Settings.parse({});
  }
}

function writeUserSettings(s: UserSettings): void {
  mkdirSync(userDataDir(), { recursive: true });
  writeAtomically(settingsFile(), `${JSON.stringify(s, null, 2)}\n`);
}

/** Puts a project first in the recent list (absolute path), keeping the newest RECENT_LIMIT. */
export function rememberRecent(file: string, when: Date): void {
  const abs = path.resolve(file);
  const s = readUserSettings();
  s.recent = [{ file: abs, opened: when.toISOString() }, ...s.recent.filter((r) => r.file !== abs)].slice(0, RECENT_LIMIT);
  writeUserSettings(s);
}

/** The recent projects that still exist, newest first. */
export function recentProjects(): UserSettings['recent'] {
  return readUserSettings().recent.filter((r) => existsSync(r.file));
}

export function setDefaultFolder(folder: string): void {
  const s = readUserSettings();
  s.defaultFolder = path.resolve(folder);
  writeUserSettings(s);
}

/** Where new projects go unless the user picks another folder: the chosen one, else ~/Rödtråd. */
export function defaultProjectFolder(home: string): string {
  const chosen = readUserSettings().defaultFolder;
  return chosen && existsSync(chosen) ? chosen : path.join(home, 'Rödtråd');
}
