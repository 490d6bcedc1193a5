import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { VirtualList } from './VirtualList';

export function QuotationList() {
  const { t } = useTranslation();
  const quotations = useApp((s) => s.quotations);
  const codes = useApp((s) => s.codes);
  const byId = new Map(codes.map((c) => [c.id, c]));
  return (
    <section className="panel quotations-panel" aria-labelledby="quotes-title">
      <header className="panel-header">
        <h2 id="quotes-title">{t('quotations.title')}</h2>
        <span className="muted">{quotations.length}</span>
      </header>
      {quotations.length === 0 ? (
        <p className="empty">{t('quotations.empty')}</p>
      ) : (
        <VirtualList
          items={quotations}
          ariaLabel={t('quotations.title')}
          estimateSize={() => 48}
          getKey={(q) => q.id}
          render={(q) => (
            <div className="quote-row">
              <span className="quote-text">{q.text}</span>
              <span className="quote-codes">
                {q.codeIds.map((id) => {
                  const c = byId.get(id);
                  return c ? (
                    <span key={id} className="chip" style={{ borderColor: c.color }}>{c.name}</span>
                  ) : null;
                })}
              </span>
            </div>
          )}
        />
      )}
    </section>
  );
}
