import { DocumentView } from '../components/DocumentView';
import { QuotationList } from '../components/QuotationList';
import type { ViewDef } from './registry';

function DocumentWorkspace() {
  return (
    <div className="document-workspace">
      <DocumentView />
      <QuotationList />
    </div>
  );
}

const view: ViewDef = { id: 'document', titleKey: 'views.document', order: 0, shortcutKey: '1', component: DocumentWorkspace };
export default view;
