/** A document-group chooser for the document list: shows only the members of the chosen group. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentGroup } from '../../../shared/contract/attributes';
import { api } from '../api/client';
import { useCoding } from '../store/coding-store';

export function GroupFilter({ value, onChange }: { value: number[] | null; onChange(members: number[] | null): void }) {
  const { t } = useTranslation();
  const tick = useCoding((s) => s.tick);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api
      .call('groups.list', {})
      .then((g) => live && setGroups(g))
      .catch(() => live && setGroups([]));
    return () => {
      live = false;
    };
  }, [tick]);
  // The caller's latest value and callback, read when the group or its members change (not
  // when the caller re-renders: a filter the caller changed itself must not be overridden).
  const caller = useRef({ value, onChange });
  useEffect(() => {
    caller.current = { value, onChange };
  });
  // Keep the member list current when the group's members change.
  useEffect(() => {
    const g = groups.find((x) => x.id === chosen);
    const next = g ? g.documentIds : null;
    if (JSON.stringify(next) !== JSON.stringify(caller.current.value)) caller.current.onChange(next);
  }, [groups, chosen]);
  if (groups.length === 0) return null;
  return (
    <select className="filter group-filter" aria-label={t('coding.qm.group')} value={chosen ?? ''} onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)} data-testid="document-group-filter">
      <option value="">{t('coding.groups.all')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>{g.name} ({g.documentIds.length})</option>
      ))}
    </select>
  );
}
