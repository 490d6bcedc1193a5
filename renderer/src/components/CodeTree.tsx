import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';
import { VirtualList } from './VirtualList';

export function CodeTree() {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase(i18n.language);
    if (!f) return codes;
    // Keep matches and their ancestors so the hierarchy stays readable.
    const keep = new Set<number>();
    const byId = new Map(codes.map((c) => [c.id, c]));
    for (const c of codes) {
      if (!c.name.toLocaleLowerCase(i18n.language).includes(f)) continue;
      for (let x: typeof c | undefined = c; x; x = x.parentId ? byId.get(x.parentId) : undefined) keep.add(x.id);
    }
    return codes.filter((c) => keep.has(c.id));
  }, [codes, filter, i18n.language]);

  return (
    <section className="panel codes-panel" aria-labelledby="codes-title">
      <header className="panel-header">
        <h2 id="codes-title">{t('codes.title')}</h2>
        <span className="muted">{codes.length}</span>
      </header>
      <input className="filter" type="search" placeholder={t('codes.filter')} aria-label={t('codes.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {shown.length === 0 ? (
        <p className="empty">{t('codes.empty')}</p>
      ) : (
        <VirtualList
          items={shown}
          ariaLabel={t('codes.title')}
          role="tree"
          estimateSize={() => 30}
          getKey={(c) => c.id}
          render={(c) => (
            <div className="code-row" role="treeitem" aria-level={c.depth + 1} style={{ paddingLeft: 8 + c.depth * 16 }} title={c.definition ?? c.path} data-testid="code-row">
              <span className="swatch" style={{ background: c.color }} aria-hidden />
              <span className="code-name">{c.name}</span>
              <span className="count" title={`${t('codes.quotations')} (${t('codes.withSub')})`}>{c.quotationsDeep}</span>
            </div>
          )}
        />
      )}
    </section>
  );
}
