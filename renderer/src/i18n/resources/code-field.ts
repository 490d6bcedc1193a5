/** UI text of the code field (type-ahead on code names and paths; a new code only when chosen). */
import type { Resource } from '../resource';

const sv = {
  codeField: {
    placeholder: 'Skriv en del av kodens namn',
    createNew: '+ Ny kod ”{{path}}”',
    uses: 'Använder {{path}}',
    willCreate: 'Skapar den nya koden {{path}}',
    chooseOne: 'Ingen kod heter så – välj i listan eller ”Ny kod”',
  },
};

const en: typeof sv = {
  codeField: {
    placeholder: "Type part of the code's name",
    createNew: '+ New code "{{path}}"',
    uses: 'Uses {{path}}',
    willCreate: 'Creates the new code {{path}}',
    chooseOne: 'No code has that name – pick one in the list or "New code"',
  },
};

export default { sv, en } satisfies Resource<typeof sv>;
