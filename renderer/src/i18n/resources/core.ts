/** UI text of the workbench frame: top bar, document list and view, code tree, quotations, status bar. */
import type { Resource } from '../resource';

const sv = {
  app: { title: 'Rödtråd', loading: 'Laddar …', noProject: 'Inget projekt är öppet' },
  views: { label: 'Vyer', document: 'Dokument', groups: { coding: 'Kodning', search: 'Sökning', analysis: 'Analys' } },
  menu: { open: 'Öppna projekt', new: 'Nytt projekt', language: 'Språk', path: 'Sökväg till projektfil', cancel: 'Avbryt', openAction: 'Öppna', createAction: 'Skapa' },
  documents: {
    title: 'Dokument',
    filter: 'Filtrera dokument',
    empty: 'Inga dokument ännu',
    count_one: '{{count}} dokument',
    count_other: '{{count}} dokument',
    turns_one: '{{count}} replik',
    turns_other: '{{count}} repliker',
    kind: { interview: 'Intervju', fieldnote: 'Fältanteckning', survey: 'Enkät', memo: 'Memo', other: 'Övrigt' },
  },
  view: {
    choose: 'Välj ett dokument i listan till vänster',
    speakers: 'Talare',
    interviewer: 'intervjuare',
    characters: '{{n}} tecken',
    noSpeaker: '–',
  },
  codes: { title: 'Koder', filter: 'Filtrera koder', empty: 'Inga koder ännu', quotations: 'Citat', documents: 'Dokument', withSub: 'med underkoder' },
  quotations: { title: 'Citat', empty: 'Inga citat', inDocument: 'i dokumentet', all: 'alla', document: 'Dokument', text: 'Text', codes: 'Koder' },
  status: { ready: 'Klar', schema: 'Format {{version}}', readOnly: 'Skrivskyddat', readOnlyHint: 'Projektfilen eller dess mapp kan inte skrivas: du kan läsa men inte ändra.', coder: 'Kodare: {{name}}', mode: { desktop: 'Skrivbord', browser: 'Webbläsarläge' }, cancel: 'Avbryt' },
  errors: { title: 'Något gick fel', dismiss: 'Stäng' },
};

const en: typeof sv = {
  app: { title: 'Rödtråd', loading: 'Loading …', noProject: 'No project is open' },
  views: { label: 'Views', document: 'Document', groups: { coding: 'Coding', search: 'Search', analysis: 'Analysis' } },
  menu: { open: 'Open project', new: 'New project', language: 'Language', path: 'Path of the project file', cancel: 'Cancel', openAction: 'Open', createAction: 'Create' },
  documents: {
    title: 'Documents',
    filter: 'Filter documents',
    empty: 'No documents yet',
    count_one: '{{count}} document',
    count_other: '{{count}} documents',
    turns_one: '{{count}} turn',
    turns_other: '{{count}} turns',
    kind: { interview: 'Interview', fieldnote: 'Field note', survey: 'Survey', memo: 'Memo', other: 'Other' },
  },
  view: {
    choose: 'Choose a document in the list on the left',
    speakers: 'Speakers',
    interviewer: 'interviewer',
    characters: '{{n}} characters',
    noSpeaker: '–',
  },
  codes: { title: 'Codes', filter: 'Filter codes', empty: 'No codes yet', quotations: 'Quotations', documents: 'Documents', withSub: 'with sub-codes' },
  quotations: { title: 'Quotations', empty: 'No quotations', inDocument: 'in the document', all: 'all', document: 'Document', text: 'Text', codes: 'Codes' },
  status: { ready: 'Ready', schema: 'Format {{version}}', readOnly: 'Read-only', readOnlyHint: 'The project file or its folder cannot be written: you can read but not change it.', coder: 'Coder: {{name}}', mode: { desktop: 'Desktop', browser: 'Browser mode' }, cancel: 'Cancel' },
  errors: { title: 'Something went wrong', dismiss: 'Close' },
};

export default { sv, en } satisfies Resource<typeof sv>;
