import type { Handlers } from '../api/types';
import { makeCoderCopies } from './copies';
import { mergeProjects } from './merge';

export const teamHandlers: Handlers<'teams.copies' | 'teams.merge'> = {
  'teams.copies': ({ session }, { outDir, coders }) => makeCoderCopies(session.requireProject(), outDir, coders),
  'teams.merge': (_ctx, { out, inputs }) => mergeProjects(out, inputs),
};
