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
    next: 'Nästa',
    prev: 'Föregående',
    of: 'Oenighet {{n}} av {{total}}',
    unitsCount: 'Enheter',
    interval: '{{level}} % KI {{low}} till {{high}}',
    pickHint: 'Klicka för att gå till den här oenigheten',
    missingHint: '{{name}} kodade ingenting i dokumentet: saknas här, räknas inte som oenig',
    coded: 'kodade',
    notCoded: 'kodade inte',
    acceptFirst: 'Godta {{name}}',
    acceptBoth: 'Godta båda',
    acceptNeither: 'Ingen av dem',
    settleHint:
      'Tangenter: N/P nästa/föregående, 1/2 godta första/andra kodaren, B båda, 0 ingen. Varje beslut blir båda kodarnas kodning av enheten och är ett steg som kan ångras (Ctrl+Z). Kodarnas egna kopior ändras inte.',
    changeCoder: 'Byt kodare',
    coderDialog: {
      title: { change: 'Byt kodare' },
      help: {
        change: 'Det du kodar härefter sparas under det nya namnet. Det som redan är kodat behåller sin kodare.',
      },
      name: 'Kodarens namn',
    },
    coderBar: {
      question: 'Vem kodar?',
      help: 'Ditt namn sparas med varje citat, så att flera kodares arbete kan slås samman. Kodar du ensam kan du behålla förslaget; du kan koda redan nu.',
      save: 'Spara',
      later: 'Inte nu',
    },
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
    next: 'Next',
    prev: 'Previous',
    of: 'Disagreement {{n}} of {{total}}',
    unitsCount: 'Units',
    interval: '{{level}}% CI {{low}} to {{high}}',
    pickHint: 'Click to go to this disagreement',
    missingHint: '{{name}} coded nothing in this document: missing here, not counted as disagreeing',
    coded: 'coded',
    notCoded: 'did not code',
    acceptFirst: 'Accept {{name}}',
    acceptBoth: 'Accept both',
    acceptNeither: 'Neither',
    settleHint:
      "Keys: N/P next/previous, 1/2 accept the first/second coder, B both, 0 neither. Each decision becomes both coders' coding of the unit and is one undoable step (Ctrl+Z). The coders' own copies are not changed.",
    changeCoder: 'Change coder',
    coderDialog: {
      title: { change: 'Change coder' },
      help: {
        change: 'What you code from now on is recorded under the new name. What is already coded keeps its coder.',
      },
      name: "Coder's name",
    },
    coderBar: {
      question: 'Who is coding?',
      help: "Your name is recorded with every quotation, so that several coders' work can be merged. If you code alone, keep the suggestion; you can code right away.",
      save: 'Save',
      later: 'Not now',
    },
  },
};

const resource: Resource<typeof sv> = { sv, en };
export default resource;
