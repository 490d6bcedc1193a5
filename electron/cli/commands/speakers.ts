import type { SpeakerRow } from '../../../shared/contract/import';
import { UserError } from '../../core/errors';
import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const speakersCommand: Command = {
  name: 'speakers',
  summary: 'List speakers, or change one: mark the interviewer, give a name, set attributes such as roll.',
  usage: 'speakers <project> [document [label]] [--interviewer | --not-interviewer] [--name NAME] [--attr NAME=VALUE]… [--json]',
  details: [
    'Without a document: every speaker in the project. With a document: its speakers.',
    'With a document and a speaker label, change that speaker:',
    '  --interviewer / --not-interviewer   mark or unmark as the interviewer',
    '  --name NAME                         display name or pseudonym',
    '  --attr roll=chef                    set a speaker attribute (repeatable; empty value removes it)',
    'Example: rodtrad speakers p.rodtrad gruppintervju-01 AL --attr roll=chef',
  ].join('\n'),
  options: {
    interviewer: { type: 'boolean' },
    'not-interviewer': { type: 'boolean' },
    name: { type: 'string' },
    attr: { type: 'string', multiple: true },
  },
  project: 'open',
  async run(ctx) {
    const [docArg, label] = ctx.args;
    const o = ctx.options;
    const changing = o.interviewer || o['not-interviewer'] || o.name !== undefined || o.attr !== undefined;
    if (changing && !label) throw new UsageError('name the document and the speaker label to change');
    const doc = docArg ? await resolveDocument(ctx, docArg) : undefined;
    let rows = await ctx.call('speakers.list', doc ? { documentId: doc.id } : {});
    if (label) {
      const speaker = rows.find((s) => s.label === label) ?? rows.find((s) => s.label.toLowerCase() === label.toLowerCase());
      if (!speaker) throw new UserError('not-found', `${doc!.name} has no speaker "${label}" (speakers: ${rows.map((s) => s.label).join(', ') || 'none'})`);
      if (o.interviewer && o['not-interviewer']) throw new UsageError('--interviewer and --not-interviewer contradict each other');
      if (o.interviewer || o['not-interviewer'] || o.name !== undefined) {
        await ctx.call('speakers.update', {
          id: speaker.id,
          ...(o.interviewer ? { isInterviewer: true } : o['not-interviewer'] ? { isInterviewer: false } : {}),
          ...(typeof o.name === 'string' ? { name: o.name } : {}),
        });
      }
      for (const a of (o.attr as string[] | undefined) ?? []) {
        const eq = a.indexOf('=');
        if (eq <= 0) throw new UsageError(`--attr takes NAME=VALUE (got "${a}")`);
        const value = a.slice(eq + 1).trim();
        await ctx.call('attributes.setSpeakerValue', { speakerId: speaker.id, name: a.slice(0, eq).trim(), value: value === '' ? null : value });
      }
      rows = (await ctx.call('speakers.list', { documentId: doc!.id })).filter((s) => s.id === speaker.id);
    }
    const line = (s: SpeakerRow): string => {
      const attrs = Object.entries(s.attributes).map(([k, v]) => `${k}=${v}`).join(' ');
      return `${s.documentName}  ${s.label}${s.name ? ` (${s.name})` : ''}${s.isInterviewer ? '  [interviewer]' : ''}  ${s.turns} turns${attrs ? `  ${attrs}` : ''}`;
    };
    ctx.print(rows.length ? rows.map(line).join('\n') : 'No speakers.', label ? rows[0] : rows);
  },
};
