/** The tables.drill method (shared/contract/drill.ts): from a number to its quotations. */
import type { Handlers } from '../api/types';
import { drill } from './drill';

export const drillHandlers: Handlers<'tables.drill'> = {
  'tables.drill': ({ session }, req) => drill(session.requireProject(), req),
};
