/**
 * The document filter as chips: kinds, document groups and attribute values (values of one
 * attribute OR'ed, the rest AND'ed — the same DocumentFilter the core resolves).
 */
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../shared/contract';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import type { DocumentFilter } from '../../../shared/contract/filter';

const KINDS: DocumentKind[] = ['interview', 'fieldnote', 'survey', 'other'];

function toggled(list: string[] | undefined, value: string, on: boolean): string[] | undefined {
  const set = new Set(list ?? []);
  if (on) set.add(value);
  else set.delete(value);
  return set.size ? [...set] : undefined;
}

export function FilterChips({ filter, onChange, attributes, groups }: { filter: DocumentFilter; onChange: (f: DocumentFilter) => void; attributes: Attribute[]; groups: DocumentGroup[] }) {
  const { t } = useTranslation();
  const chip = (key: string, label: string, on: boolean, set: (on: boolean) => void) => (
    <label key={key} className={`tt-chip ${on ? 'on' : ''}`}>
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} />
      {label}
    </label>
  );
  return (
    <div className="tt-filter">
      <div className="tt-filter-row">
        <span className="tt-filter-name">{t('tables.kinds')}</span>
        {KINDS.map((k) =>
          chip(k, t(`documents.kind.${k}`), filter.kinds?.includes(k) ?? false, (on) => onChange({ ...filter, kinds: toggled(filter.kinds, k, on) as DocumentKind[] | undefined })),
        )}
      </div>
      {groups.length > 0 && (
        <div className="tt-filter-row">
          <span className="tt-filter-name">{t('tables.groups')}</span>
          {groups.map((g) => chip(String(g.id), g.name, filter.groups?.includes(g.name) ?? false, (on) => onChange({ ...filter, groups: toggled(filter.groups, g.name, on) })))}
        </div>
      )}
      {attributes
        .filter((a) => a.levels.length > 0 && a.levels.length <= 40)
        .map((a) => (
          <div key={a.id} className="tt-filter-row">
            <span className="tt-filter-name">{a.name}</span>
            {a.levels.map((v) =>
              chip(v, v, filter.where?.[a.name]?.includes(v) ?? false, (on) => {
                const where = { ...(filter.where ?? {}) };
                const values = toggled(where[a.name], v, on);
                if (values) where[a.name] = values;
                else delete where[a.name];
                onChange({ ...filter, where: Object.keys(where).length ? where : undefined });
              }),
            )}
          </div>
        ))}
    </div>
  );
}
