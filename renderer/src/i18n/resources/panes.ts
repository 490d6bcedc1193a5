/** UI text of the pane frame: splitters and folded panes. */
import type { Resource } from '../resource';

const sv = {
  panes: {
    documents: 'Dokument',
    codes: 'Koder',
    resizeLeft: 'Ändra bredden på dokumentlistan (pilar, Enter fäller ihop)',
    resizeRight: 'Ändra bredden på kodträdet (pilar, Enter fäller ihop)',
    collapse: 'Fäll ihop {{name}}',
    expand: 'Visa {{name}}',
  },
};

const en: typeof sv = {
  panes: {
    documents: 'Documents',
    codes: 'Codes',
    resizeLeft: 'Resize the document list (arrows, Enter folds it)',
    resizeRight: 'Resize the code tree (arrows, Enter folds it)',
    collapse: 'Fold {{name}}',
    expand: 'Show {{name}}',
  },
};

export default { sv, en } satisfies Resource<typeof sv>;
