import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths';

let version: string | undefined;
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
