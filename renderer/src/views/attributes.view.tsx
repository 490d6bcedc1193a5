/**
 * Document attributes and groups as a table: one row per document, one column per attribute
 * (edit a cell, Enter or leaving it saves; suggestions from the attribute's levels) and one
 * per document group (tick to make the document a member). New attributes and groups here.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import { api } from '../api/client';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { collator } from '../util/format';
import { useDraft } from '../util/use-draft';
import type { ViewDef } from './registry';

function AttributesView() {
  const { t, i18n } = useTranslation();
  const documents = useApp((s) => s.documents);
  const tick = useCoding((s) => s.tick);
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [newAttr, setNewAttr] = useState('');
  const [newGroup, setNewGroup] = useState('');
  const { run } = useCoding.getState();

  useEffect(() => {
    void run(async () => {
      const [a, g] = await Promise.all([api.call('attributes.list', { scope: 'document' }), api.call('groups.list', {})]);
      setAttributes(a);
      setGroups(g);
    });
  }, [tick, run]);

  const docs = useMemo(() => [...documents].sort((a, b) => collator(i18n.language).compare(a.name, b.name)), [documents, i18n.language]);

  const setMember = (g: DocumentGroup, docId: number, member: boolean): void => {
    const ids = member ? [...g.documentIds, docId] : g.documentIds.filter((x) => x !== docId);
    void run(() => api.call('groups.setMembers', { groupId: g.id, documentIds: ids }));
  };

  return (
    <section className="panel attributes-view" aria-labelledby="attr-title">
      <header className="panel-header">
        <h2 id="attr-title">{t('coding.attr.title')}</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (newAttr.trim()) void run(() => api.call('attributes.create', { name: newAttr.trim() })).then(() => setNewAttr(''));
          }}
        >
          <input value={newAttr} onChange={(e) => setNewAttr(e.target.value)} placeholder={t('coding.attr.newAttr')} aria-label={t('coding.attr.newAttr')} />
          <button type="submit" className="small-button">{t('coding.attr.add')}</button>
        </form>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (newGroup.trim()) void run(() => api.call('groups.create', { name: newGroup.trim() })).then(() => setNewGroup(''));
          }}
        >
          <input value={newGroup} onChange={(e) => setNewGroup(e.target.value)} placeholder={t('coding.attr.newGroup')} aria-label={t('coding.attr.newGroup')} data-testid="new-group" />
          <button type="submit" className="small-button">{t('coding.attr.add')}</button>
        </form>
      </header>
      <div className="attr-scroll">
        <table className="attr-table" data-testid="attribute-table">
          <thead>
            <tr>
              <th scope="col">{t('documents.title')}</th>
              {attributes.map((a) => (
                <th key={a.id} scope="col">{a.name}</th>
              ))}
              {groups.map((g) => (
                <th key={`g${g.id}`} scope="col" className="group-col" title={t('coding.attr.group')}>
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                {attributes.map((a) => (
                  <td key={a.id}>
                    <AttrCell docId={d.id} attr={a} value={d.attributes[a.name] ?? ''} />
                  </td>
                ))}
                {groups.map((g) => (
                  <td key={`g${g.id}`} className="group-col">
                    <input type="checkbox" aria-label={t('coding.attr.memberOf', { doc: d.name, group: g.name })} checked={g.documentIds.includes(d.id)} onChange={(e) => setMember(g, d.id, e.target.checked)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {attributes.map((a) => (
          <datalist key={a.id} id={`levels-${a.id}`}>
            {a.levels.map((l) => <option key={l} value={l} />)}
          </datalist>
        ))}
      </div>
    </section>
  );
}

function AttrCell({ docId, attr, value }: { docId: number; attr: Attribute; value: string }) {
  const { t } = useTranslation();
  const [v, setV] = useDraft(value);
  const save = (): void => {
    if (v.trim() === value) return;
    void useCoding.getState().run(() => api.call('attributes.setValue', { documentId: docId, name: attr.name, value: v.trim() || null }));
  };
  return (
    <input
      className="attr-input"
      list={`levels-${attr.id}`}
      value={v}
      aria-label={t('coding.attr.cell', { attr: attr.name })}
      onChange={(e) => setV(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.currentTarget as HTMLInputElement).blur();
        if (e.key === 'Escape') setV(value);
      }}
    />
  );
}

const view: ViewDef = { id: 'attributes', titleKey: 'coding.views.attributes', order: 20, shortcutKey: '3', component: AttributesView };
export default view;
