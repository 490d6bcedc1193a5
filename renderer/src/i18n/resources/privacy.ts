/** UI text of the privacy view: pseudonyms (the code key), their suggestions, automatic backups. */
import type { Resource } from '../resource';

const sv = {
  privacy: {
    tab: 'Sekretess',
    pseudonyms: 'Pseudonymer',
    intro: 'Verkliga namn och deras pseudonymer. Varje export pseudonymiseras och kontrolleras mot listan; den lagrade texten ändras inte.',
    real: 'Verkligt namn',
    pseudonym: 'Pseudonym',
    kind: 'Typ',
    kinds: { person: 'Person', place: 'Plats', unit: 'Enhet', other: 'Övrigt' },
    remove: 'Ta bort',
    add: 'Lägg till',
    empty: 'Listan är tom: exporter pseudonymiseras inte.',
    linked: 'Listan läses från {{file}}.',
    suggest: 'Föreslå namn',
    suggestions: 'Förslag att bekräfta',
    noSuggestions: 'Inga nya förslag.',
    accept: 'Lägg till markerade',
    reason: { speaker: 'talare', personnummer: 'personnummer', phone: 'telefon', email: 'e-post', capitalised: 'versal', list: 'lista' },
    backups: 'Automatiska säkerhetskopior',
    noBackups: 'Inga säkerhetskopior ännu.',
    restore: 'Återställ',
    restoreConfirm: 'Ersätta projektet med {{name}}? Nuvarande fil sparas bredvid.',
    restored: 'Återställt. Den tidigare filen sparades som {{file}}.',
    checked: {
      title: 'Exporten är kontrollerad.',
      what_one: '{{file}} lästes tillbaka och söktes igenom efter {{count}} verkligt namn ur pseudonymlistan, personnummer och {{sources}} källfilsnamn: inga träffar.',
      what_other: '{{file}} lästes tillbaka och söktes igenom efter {{count}} verkliga namn ur pseudonymlistan, personnummer och {{sources}} källfilsnamn: inga träffar.',
      replaced_one: '{{count}} namn byttes mot sin pseudonym.',
      replaced_other: '{{count}} namn byttes mot sina pseudonymer.',
    },
  },
};

const en: typeof sv = {
  privacy: {
    tab: 'Privacy',
    pseudonyms: 'Pseudonyms',
    intro: 'Real names and their pseudonyms. Every export is pseudonymised and checked against the list; the stored text is not changed.',
    real: 'Real name',
    pseudonym: 'Pseudonym',
    kind: 'Kind',
    kinds: { person: 'Person', place: 'Place', unit: 'Unit', other: 'Other' },
    remove: 'Remove',
    add: 'Add',
    empty: 'The list is empty: exports are not pseudonymised.',
    linked: 'The list is read from {{file}}.',
    suggest: 'Suggest names',
    suggestions: 'Suggestions to confirm',
    noSuggestions: 'No new suggestions.',
    accept: 'Add the checked ones',
    reason: { speaker: 'speaker', personnummer: 'personnummer', phone: 'phone', email: 'e-mail', capitalised: 'capitalised', list: 'list' },
    backups: 'Automatic backups',
    noBackups: 'No backups yet.',
    restore: 'Restore',
    restoreConfirm: 'Replace the project with {{name}}? The current file is kept beside it.',
    restored: 'Restored. The file before was kept as {{file}}.',
    checked: {
      title: 'The export was checked.',
      what_one: '{{file}} was read back and searched for {{count}} real name from the pseudonym list, personnummer and {{sources}} source file names: nothing found.',
      what_other: '{{file}} was read back and searched for {{count}} real names from the pseudonym list, personnummer and {{sources}} source file names: nothing found.',
      replaced_one: '{{count}} name was replaced by its pseudonym.',
      replaced_other: '{{count}} names were replaced by their pseudonyms.',
    },
  },
};

export default { sv, en } satisfies Resource<typeof sv>;
