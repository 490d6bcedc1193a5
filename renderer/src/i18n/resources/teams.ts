/** UI text of the agreement and disagreement view and the coder in the status bar. */
import type { Resource } from '../resource';

const sv = {
  teams: {
    tab: 'Överensstämmelse',
    coders: 'Kodare',
    code: 'Kod',
    unit: 'Enhet',
    units: { turn: 'Repliker', paragraph: 'Stycken', sentence: 'Meningar' },
    figures: 'Överensstämmelse för koden',
    alpha: 'Krippendorffs α',
    kappa: 'Cohens κ',
    percent: 'Överens',
    disagreements: 'Oenigheter',
    none: 'Inga oenigheter kvar för koden.',
    pick: 'Välj två kodare och en kod.',
    next: 'Nästa oenighet',
    of: '{{n}} av {{total}}',
    coded: 'kodade',
    notCoded: 'kodade inte',
    acceptFirst: 'Godta {{name}}',
    acceptBoth: 'Godta båda',
    acceptNeither: 'Ingen av dem',
    settleHint: 'Varje beslut är ett steg som kan ångras. Kodarnas egna kopior ändras inte.',
    changeCoder: 'Byt kodare',
    coderPrompt: 'Vem kodar i den här kopian? Namnet sparas med varje citat och koppling.',
  },
};

const en: typeof sv = {
  teams: {
    tab: 'Agreement',
    coders: 'Coders',
    code: 'Code',
    unit: 'Unit',
    units: { turn: 'Speaker turns', paragraph: 'Paragraphs', sentence: 'Sentences' },
    figures: 'Agreement on the code',
    alpha: "Krippendorff's α",
    kappa: "Cohen's κ",
    percent: 'Agreement',
    disagreements: 'Disagreements',
    none: 'No disagreements left on this code.',
    pick: 'Choose two coders and a code.',
    next: 'Next disagreement',
    of: '{{n}} of {{total}}',
    coded: 'coded',
    notCoded: 'did not code',
    acceptFirst: 'Accept {{name}}',
    acceptBoth: 'Accept both',
    acceptNeither: 'Neither',
    settleHint: "Each decision is one undoable step. The coders' own copies are not changed.",
    changeCoder: 'Change coder',
    coderPrompt: 'Who codes in this copy? The name is recorded with every quotation and code link.',
  },
};

const resource: Resource<typeof sv> = { sv, en };
export default resource;
