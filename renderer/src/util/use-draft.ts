import { useState } from 'react';

/**
 * The draft of an editable field that shows a stored value: a new stored value (saved here,
 * or changed elsewhere, e.g. by undo) replaces what is in the field.
 */
export function useDraft(value: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
