import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import { codeTree } from './codes';
import { listQuotations } from './quotations';

const todo = (): never => {
  throw new UserError('not-implemented', 'not implemented yet');
};

type CodingMethod = Extract<MethodName, `codes.${string}` | `quotations.${string}` | `codebooks.${string}` | 'coders.list'>;

export const codingHandlers: Handlers<CodingMethod> = {
  'codes.tree': ({ session }) => codeTree(session.requireProject()).map((c) => ({ ...c, inclusion: null, exclusion: null })),
  'codes.create': todo,
  'codes.update': todo,
  'codes.move': todo,
  'codes.merge': todo,
  'codes.split': todo,
  'codes.delete': todo,
  'quotations.list': ({ session }, f) => listQuotations(session.requireProject(), f),
  'quotations.get': todo,
  'quotations.create': todo,
  'quotations.update': todo,
  'quotations.delete': todo,
  'quotations.addCodes': todo,
  'quotations.removeCode': todo,
  'quotations.codeTurn': todo,
  'quotations.query': todo,
  'quotations.export': todo,
  'codebooks.list': todo,
  'codebooks.load': todo,
  'codebooks.export': todo,
  'coders.list': todo,
};
