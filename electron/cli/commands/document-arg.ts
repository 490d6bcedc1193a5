/** Finding a document from what a user types on the command line: its name, file name or id. */
import type { DocumentSummary } from '../../../shared/contract';
import { UserError } from '../../core/errors';
import type { CliContext } from '../command';

export async function resolveDocument(ctx: CliContext, arg: string): Promise<DocumentSummary> {
  const docs = await ctx.call('documents.list', {});
  const wanted = arg.normalize('NFC');
  const strip = (s: string): string => s.replace(/\.[^./\\]{1,8}$/, '');
  const hit =
    docs.find((d) => d.name === wanted) ??
    docs.find((d) => d.sourceName === wanted) ??
    (/^\d+$/.test(wanted) ? docs.find((d) => d.id === Number(wanted)) : undefined);
  if (hit) return hit;
  const loose = docs.filter((d) => strip(d.name) === strip(wanted) || (d.sourceName !== null && strip(d.sourceName) === strip(wanted)));
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) throw new UserError('ambiguous', `"${arg}" matches ${loose.length} documents (${loose.map((d) => d.name).join(', ')}); use the full name or the id`);
  throw new UserError('not-found', `no document named "${arg}" (see: rodtrad docs <project>)`);
}
