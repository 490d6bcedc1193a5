/** All memos of the project (stand-alone and attached), newest change first, with the editor beside. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo } from '../../../shared/contract/memos';
import { api } from '../api/client';
import { MemoEditor } from '../components/Memos';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { formatDateTime } from '../util/dates';
import type { ViewDef } from './registry';

function MemosView() {
  const { t, i18n } = useTranslation();
  const tick = useCoding((s) => s.tick);
  const codes = useApp((s) => s.codes);
  const documents = useApp((s) => s.documents);
  const [memos, setMemos] = useState<Memo[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const reload = (): Promise<void> => useCoding.getState().run(() => api.call('memos.list', {})).then((list) => setMemos(list ?? []));
  useEffect(() => {
    void reload();
  }, [tick]);
  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase(i18n.language);
    return f ? memos.filter((m) => `${m.title}\n${m.body}`.toLocaleLowerCase(i18n.language).includes(f)) : memos;
  }, [memos, filter, i18n.language]);
  const attachedTo = (m: Memo): string => {
    if (m.documentId !== null) return `${t('coding.memo.kind.document')}: ${documents.find((d) => d.id === m.documentId)?.name ?? m.documentId}`;
    if (m.codeId !== null) return `${t('coding.memo.kind.code')}: ${codes.find((c) => c.id === m.codeId)?.path ?? m.codeId}`;
    if (m.quotationId !== null) return `${t('coding.memo.kind.quotation')} ${m.quotationId}`;
    return t('coding.memo.kind.project');
  };
  const memo = memos.find((m) => m.id === current) ?? null;
  return (
    <div className="memos-view">
      <section className="panel memo-index" aria-labelledby="memos-title">
        <header className="panel-header">
          <h2 id="memos-title">{t('coding.memo.all')}</h2>
          <span className="muted">{memos.length}</span>
        </header>
        <input className="filter" type="search" placeholder={t('coding.memo.filter')} aria-label={t('coding.memo.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <div className="memo-index-list" role="listbox" aria-label={t('coding.memo.all')}>
          <button type="button" className={`memo-row ${current === null ? 'active' : ''}`} onClick={() => setCurrent(null)} data-testid="memo-new-project">
            + {t('coding.memo.newProject')}
          </button>
          {shown.map((m) => (
            <button key={m.id} type="button" role="option" aria-selected={m.id === current} className={`memo-row ${m.id === current ? 'active' : ''}`} onClick={() => setCurrent(m.id)} data-testid="memo-row">
              <span className="memo-row-title">{m.title}</span>
              <span className="muted">{attachedTo(m)} · {m.author ?? '–'} · {formatDateTime(m.modifiedAt, i18n.language)}</span>
            </button>
          ))}
        </div>
      </section>
      <section className="panel memo-pane" aria-label={memo?.title ?? t('coding.memo.newProject')}>
        {memo && <div className="memo-attached muted">{attachedTo(memo)}</div>}
        <MemoEditor key={`${memo?.id}-${memo?.modifiedAt}`} memo={memo} target={{ kind: 'project' }} onSaved={(m) => (setCurrent(m.id), void reload())} />
      </section>
    </div>
  );
}

const view: ViewDef = { id: 'memos', titleKey: 'coding.views.memos', order: 30, shortcutKey: '4', component: MemosView };
export default view;
