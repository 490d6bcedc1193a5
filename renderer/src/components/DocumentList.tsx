import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/contract';
import { useApp } from '../store/app-store';
import { collator } from '../util/format';
import { DocumentDialogs, DocumentToolbar, type DocumentDialog } from './DocumentActions';
import { GroupFilter } from './GroupFilter';
import { VirtualList } from './VirtualList';

/** A letter badge per kind (no emoji: not every desktop has an emoji font). */
const KIND_BADGE: Record<DocumentSummary['kind'], string> = { interview: 'I', fieldnote: 'F', survey: 'E', memo: 'M', other: 'Ö' };

export function DocumentList() {
  const { t, i18n } = useTranslation();
  const documents = useApp((s) => s.documents);
  const selected = useApp((s) => s.selectedDocumentId);
  const selectDocument = useApp((s) => s.selectDocument);
  const [filter, setFilter] = useState('');
  const [members, setMembers] = useState<number[] | null>(null);
  const [dialog, setDialog] = useState<DocumentDialog | null>(null);
  const current = documents.find((d) => d.id === selected) ?? null;

  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase(i18n.language);
    const inGroup = members ? documents.filter((d) => members.includes(d.id)) : documents;
    const list = f
      ? inGroup.filter((d) => [d.name, ...Object.values(d.attributes)].some((x) => x.toLocaleLowerCase(i18n.language).includes(f)))
      : inGroup;
    return [...list].sort((a, b) => collator(i18n.language).compare(a.name, b.name));
  }, [documents, filter, members, i18n.language]);

  const move = (delta: number): void => {
    const i = shown.findIndex((d) => d.id === selected);
    const next = shown[Math.max(0, Math.min(shown.length - 1, i + delta))];
    if (next) void selectDocument(next.id);
  };

  return (
    <section className="panel documents-panel" aria-labelledby="documents-title">
      <header className="panel-header">
        <h2 id="documents-title">{t('documents.title')}</h2>
        <span className="muted">{t('documents.count', { count: documents.length })}</span>
      </header>
      <DocumentToolbar selected={current} onOpen={setDialog} />
      <input className="filter" type="search" placeholder={t('documents.filter')} aria-label={t('documents.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <GroupFilter value={members} onChange={setMembers} />
      {shown.length === 0 ? (
        <p className="empty">{t('documents.empty')}</p>
      ) : (
        <div
          className="list-keys"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
            if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
            if (e.key === 'F2' && current) { e.preventDefault(); setDialog({ kind: 'rename', doc: current }); }
            if (e.key === 'Delete' && current) { e.preventDefault(); setDialog({ kind: 'delete', doc: current }); }
          }}
        >
          <VirtualList
            items={shown}
            ariaLabel={t('documents.title')}
            estimateSize={() => 58}
            getKey={(d) => d.id}
            render={(d) => (
              <button
                type="button"
                className={`doc-row ${d.id === selected ? 'selected' : ''}`}
                aria-current={d.id === selected}
                data-testid="document-row"
                onClick={() => void selectDocument(d.id)}
                title={d.sourceName && d.sourceName !== d.name ? `${d.name}\n${d.sourceName}` : d.name}
              >
                <span className={`doc-icon kind-${d.kind}`} aria-hidden>{KIND_BADGE[d.kind]}</span>
                <span className="doc-main">
                  <span className="doc-name">{d.name}</span>
                  <span className="doc-meta">
                    {t(`documents.kind.${d.kind}`)}
                    {d.turns > 0 ? ` · ${t('documents.turns', { count: d.turns })}` : ''}
                  </span>
                  <span className="doc-attrs">
                    {Object.entries(d.attributes).map(([k, v]) => (
                      <span key={k} className="chip" title={k}>{v}</span>
                    ))}
                  </span>
                </span>
              </button>
            )}
          />
        </div>
      )}
      {dialog && <DocumentDialogs dialog={dialog} onClose={() => setDialog(null)} />}
    </section>
  );
}
