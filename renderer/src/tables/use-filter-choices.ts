/** The document attributes and groups a view's filter chips offer, read again when another project opens. */
import { useEffect, useState } from 'react';
import type { Attribute, DocumentGroup } from '../../../shared/contract/attributes';
import { api } from '../api/client';

export function useFilterChoices(file: string | undefined): { attributes: Attribute[]; groups: DocumentGroup[] } {
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  useEffect(() => {
    if (!file) return;
    api.call('attributes.list', { scope: 'document' }).then(setAttributes, () => setAttributes([]));
    api.call('groups.list', {}).then(setGroups, () => setGroups([]));
  }, [file]);
  return { attributes, groups };
}
