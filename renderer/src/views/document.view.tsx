import { DocumentView } from '../components/DocumentView';
import { QuotationPanel } from '../components/QuotationPanel';
import type { ViewDef } from './registry';

function DocumentWorkspace() {
  return (
    <div className="document-workspace">
      <DocumentView />
      <QuotationPanel />
    </div>
  );
}

const view: ViewDef = { id: 'document', titleKey: 'views.document', order: 0, shortcutKey: '1', component: DocumentWorkspace };
export default view;
