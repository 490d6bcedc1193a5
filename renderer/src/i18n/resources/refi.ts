/** UI text of the exchange with other QDA tools (REFI-QDA). */
import type { Resource } from '../resource';

const sv = {
  refi: {
    importButton: 'Importera projekt (REFI-QDA) …',
    exportButton: 'Exportera som REFI-QDA …',
    importing: 'Importerar {{name}} …',
    exported: 'Exporterade {{name}}',
    reportTitle: 'Importerat från {{origin}}',
    unknownTool: 'okänt program',
    counts: '{{users}} kodare, {{codes}} koder, {{sources}} dokument, {{selections}} citat med {{codings}} kodningar, {{notes}} memon, {{sets}} dokumentgrupper, {{variables}} attribut',
    merged: '{{count}} markeringar med samma omfång slogs ihop',
    skipped: 'Hoppades över ({{count}})',
    unplaced: 'Kunde inte placeras exakt ({{count}}), inget gissades',
    failed: 'Importen misslyckades',
    conflictsTitle: 'Kodbok: {{name}}',
    conflictsIntro_one: '{{count}} kod krockar med projektets ({{added}} nya läggs till). Välj vad som gäller:',
    conflictsIntro_other: '{{count}} koder krockar med projektets ({{added}} nya läggs till). Välj vad som gäller för alla:',
    moved: 'flyttad: vår {{ours}}, deras {{theirs}}',
    samePath: 'samma sökväg, annat GUID: {{path}}',
    ours: 'Behåll våra',
    theirs: 'Ta deras',
    both: 'Behåll båda',
  },
};

const en: typeof sv = {
  refi: {
    importButton: 'Import project (REFI-QDA) …',
    exportButton: 'Export as REFI-QDA …',
    importing: 'Importing {{name}} …',
    exported: 'Exported {{name}}',
    reportTitle: 'Imported from {{origin}}',
    unknownTool: 'an unknown tool',
    counts: '{{users}} coders, {{codes}} codes, {{sources}} documents, {{selections}} quotations with {{codings}} codings, {{notes}} memos, {{sets}} document groups, {{variables}} attributes',
    merged: '{{count}} selections with the same range were merged',
    skipped: 'Skipped ({{count}})',
    unplaced: 'Not placed exactly ({{count}}); nothing was guessed',
    failed: 'The import failed',
    conflictsTitle: 'Codebook: {{name}}',
    conflictsIntro_one: '{{count}} code clashes with the project\'s ({{added}} new ones are added). Choose:',
    conflictsIntro_other: '{{count}} codes clash with the project\'s ({{added}} new ones are added). Choose for all:',
    moved: 'moved: ours {{ours}}, theirs {{theirs}}',
    samePath: 'same path, other GUID: {{path}}',
    ours: 'Keep ours',
    theirs: 'Take theirs',
    both: 'Keep both',
  },
};

const resource: Resource<typeof sv> = { sv, en };
export default resource;
