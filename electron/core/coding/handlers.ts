import type { Handlers } from '../api/types';
import { codeTree } from './codes';
import { listQuotations } from './quotations';

export const codingHandlers: Handlers<'codes.tree' | 'quotations.list'> = {
  'codes.tree': ({ session }) => codeTree(session.requireProject()),
  'quotations.list': ({ session }, f) => listQuotations(session.requireProject(), f),
};
