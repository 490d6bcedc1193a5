import { z } from 'zod';
import { method } from './define';
import { ServerPath } from './paths';

export const PseudonymKind = z.enum(['person', 'place', 'unit', 'other']);
export type PseudonymKind = z.infer<typeof PseudonymKind>;

export const PseudonymRow = z.object({
  real: z.string().trim().min(1).max(300),
  /** No <, >, & or " : the pseudonym goes into XML and HTML text as it is. */
  pseudonym: z.string().trim().min(1).max(300).regex(/^[^<>&"]*$/),
  kind: PseudonymKind.default('person'),
});
export type PseudonymRow = z.infer<typeof PseudonymRow>;

const PseudonymListResult = z.object({
  entries: z.array(PseudonymRow),
  source: z.enum(['project', 'file']),
  file: z.string().nullable(),
});

export const PseudonymSuggestion = z.object({
  text: z.string(),
  kind: PseudonymKind,
  /** Why it is suggested. */
  reason: z.enum(['speaker', 'personnummer', 'phone', 'email', 'capitalised', 'list']),
  count: z.number().int(),
  /** The pseudonym that would be used. */
  pseudonym: z.string(),
});
export type PseudonymSuggestion = z.infer<typeof PseudonymSuggestion>;

/** What an export did for privacy: pseudonyms applied, and whether the written file was read back and checked. */
export const ExportPrivacy = z.object({
  pseudonymised: z.boolean(),
  replacements: z.number().int(),
  /** The export was read back and searched for real names, personnummer and source file names: none found. */
  leakChecked: z.boolean(),
  /** How many real names of the list the check searched for (0 when it did not run). */
  names: z.number().int(),
  /** How many source file names the check searched for. */
  sourceFiles: z.number().int(),
});
export type ExportPrivacy = z.infer<typeof ExportPrivacy>;

export const privacyMethods = {
  'pseudonyms.list': method({
    summary: 'The pseudonym list (real name → pseudonym): kept in the project, or read from the file linked to it.',
    params: z.object({}).strict(),
    result: PseudonymListResult,
  }),
  'pseudonyms.set': method({
    summary: 'Replace the pseudonym list kept in the project (unlinks a linked file).',
    params: z.object({ entries: z.array(PseudonymRow).max(100_000) }).strict(),
    result: PseudonymListResult,
    mutates: true,
  }),
  'pseudonyms.add': method({
    summary:
      'Add one name to the list kept in the project (one undo step), e.g. a selection in a document: its kind and pseudonym are guessed when not given (kind from the name and how the documents use it, the next free "Person X" / "Plats X" …). A name already in the list is refused.',
    params: z
      .object({
        real: PseudonymRow.shape.real,
        pseudonym: PseudonymRow.shape.pseudonym.optional(),
        kind: PseudonymKind.optional(),
      })
      .strict(),
    result: PseudonymListResult,
    mutates: true,
  }),
  'pseudonyms.occurrences': method({
    summary: 'How often each name of the list occurs in the documents (inflected forms too, as exports replace them) and in how many documents.',
    params: z.object({}).strict(),
    result: z.array(z.object({ real: z.string(), count: z.number().int(), documents: z.number().int() })),
  }),
  'pseudonyms.guessKind': method({
    summary: 'The kind a name probably is (person, place, unit = organisation, other), from the name and how the documents use it, with the pseudonym it would get.',
    params: z.object({ real: PseudonymRow.shape.real }).strict(),
    result: z.object({ kind: PseudonymKind, pseudonym: z.string() }),
  }),
  'pseudonyms.load': method({
    summary:
      'Read a pseudonym list from CSV (real name, pseudonym, kind; a row without a pseudonym gets the next free "Person X"): merged into the list in the project, or (link, desktop and CLI only) the file itself becomes the list and only its path is kept.',
    params: z
      .object({
        path: ServerPath.optional(),
        content: z.string().max(20_000_000).optional(),
        link: z.boolean().default(false),
        replace: z.boolean().default(false),
      })
      .strict(),
    result: PseudonymListResult,
    mutates: true,
  }),
  'pseudonyms.suggest': method({
    summary:
      'Names the export could reveal and the list does not cover yet, for the user to confirm: speaker names, personnummer, phone numbers, e-mail addresses, capitalised words that look like names (not at a sentence start, never written in lower case, not in the codebook), and names from a CSV list.',
    params: z.object({ listPath: ServerPath.optional(), listContent: z.string().max(20_000_000).optional() }).strict(),
    result: z.array(PseudonymSuggestion),
  }),
  'pseudonyms.apply': method({
    summary: 'Pseudonymise a piece of text (for the clipboard) with the project\'s list.',
    params: z.object({ text: z.string().max(50_000_000) }).strict(),
    result: z.object({ text: z.string(), replacements: z.number().int() }),
  }),
};
