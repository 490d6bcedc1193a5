import type { Handlers } from '../api/types';
import { UserError } from '../errors';

const todo = (): never => {
  throw new UserError('not-implemented', 'not implemented yet');
};

export const attributeHandlers: Handlers<
  | 'attributes.list' | 'attributes.create' | 'attributes.rename' | 'attributes.delete' | 'attributes.setValue'
  | 'attributes.setSpeakerValue' | 'attributes.setLevelOrder'
  | 'groups.list' | 'groups.create' | 'groups.rename' | 'groups.delete' | 'groups.setMembers'
> = {
  'attributes.list': todo,
  'attributes.create': todo,
  'attributes.rename': todo,
  'attributes.delete': todo,
  'attributes.setValue': todo,
  'attributes.setSpeakerValue': todo,
  'attributes.setLevelOrder': todo,
  'groups.list': todo,
  'groups.create': todo,
  'groups.rename': todo,
  'groups.delete': todo,
  'groups.setMembers': todo,
};
