/**
 * The one typed contract between the UI, the CLI, the browser-mode server, the desktop
 * shell and the core. Each area of the product adds its methods in a file of its own.
 */
import type { z } from 'zod';
import { attributeMethods } from './attributes';
import { codingMethods } from './coding';
import { documentMethods } from './documents';
import { historyMethods } from './history';
import { memoMethods } from './memos';
import { projectMethods } from './project';
import { reportMethods } from './reports';
import { tableMethods } from './tables';
import { searchMethods } from './search';
import { importMethods } from './import';
import { teamMethods } from './teams';
import { agreementMethods } from './agreement';
import { refiMethods } from './refi';
import { drillMethods } from './drill';
import { codeMapMethods } from './codemap';
import { privacyMethods } from './privacy';
import { mediaMethods } from './media';

export const contract = {
  ...projectMethods,
  ...documentMethods,
  ...codingMethods,
  ...memoMethods,
  ...attributeMethods,
  ...historyMethods,
  ...searchMethods,
  ...tableMethods,
  ...reportMethods,
  ...importMethods,
  ...teamMethods,
  ...agreementMethods,
  ...refiMethods,
  ...drillMethods,
  ...codeMapMethods,
  ...privacyMethods,
  ...mediaMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type ParsedParams<M extends MethodName> = z.output<Contract[M]['params']>;
export type Result<M extends MethodName> = z.output<Contract[M]['result']>;

export const methodNames = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './entities';
export * from './events';
export { MEDIA_EXTENSIONS, type MediaInfo } from './media';
