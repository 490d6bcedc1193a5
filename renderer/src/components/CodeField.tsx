/**
 * A code chosen by typing, with the quick-code box's type-ahead on names and paths: the list
 * shows each code with its path, and a new code is made only when the user picks the
 * explicit "new code" line. Under the field it says which code will be used, so a typed
 * name that is an existing sub-code is never taken for a new top-level code.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract';
import { useApp } from '../store/app-store';
import { useCoding } from '../store/coding-store';
import { rankCodes } from './QuickCode';

export interface CodeChoice {
  text: string;
  /** The code picked from the list, or found for the text (exact path, unique name or path suffix). */
  codeId: number | null;
  /** The user chose to make a new code from the text. */
  create: boolean;
}

const fold = (s: string, lang: string): string => s.normalize('NFC').trim().toLocaleLowerCase(lang);

/** The code the text stands for, as the core would resolve it: exact path, else a unique name or path suffix. */
export function codeForText(codes: Code[], text: string, lang: string): Code | null {
  const t = fold(text, lang);
  if (!t) return null;
  const exact = codes.find((c) => fold(c.path, lang) === t);
  if (exact) return exact;
  const suffix = codes.filter((c) => fold(c.path, lang).endsWith(`/${t}`));
  return suffix.length === 1 ? suffix[0]! : null;
}

export function CodeField({ value, onChange, testId }: { value: CodeChoice; onChange(c: CodeChoice): void; testId: string }) {
  const { t, i18n } = useTranslation();
  const codes = useApp((s) => s.codes);
  const recent = useCoding((s) => s.recent);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const lang = i18n.language;
  const shown = useMemo(() => rankCodes(codes, value.text, recent, lang).slice(0, 8), [codes, value.text, recent, lang]);
  const typed = value.text.trim();
  // "New code" only when the text is no existing code (not even a unique name or path suffix)
  const offerNew = typed !== '' && codeForText(codes, typed, lang) === null;
  const options = [...shown.map((c) => ({ kind: 'code' as const, c })), ...(offerNew ? [{ kind: 'new' as const }] : [])];
  const chosen = value.codeId !== null ? (codes.find((c) => c.id === value.codeId) ?? null) : null;

  const pick = (i: number): void => {
    const o = options[i];
    if (!o) return;
    onChange(o.kind === 'code' ? { text: o.c.path, codeId: o.c.id, create: false } : { text: typed, codeId: null, create: true });
    setOpen(false);
  };

  return (
    <span className="code-field">
      <input
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        value={value.text}
        placeholder={t('codeField.placeholder')}
        data-testid={testId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          const text = e.target.value;
          onChange({ text, codeId: codeForText(codes, text, lang)?.id ?? null, create: false });
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(options.length - 1, a + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
          else if (e.key === 'Enter' && open && options.length > 0) { e.preventDefault(); pick(active); }
          else if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); }
        }}
      />
      {open && options.length > 0 && (
        <ul className="code-field-list" role="listbox" id={listId} data-testid={`${testId}-options`}>
          {options.map((o, i) => (
            <li
              key={o.kind === 'code' ? o.c.id : 'new'}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`${i === active ? 'active' : ''} ${o.kind === 'new' ? 'new-code' : ''}`}
              onMouseEnter={() => setActive(i)}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(e) => (e.preventDefault(), pick(i))}
              data-testid={o.kind === 'code' ? `${testId}-option` : `${testId}-new`}
            >
              {o.kind === 'code' ? (
                <>
                  <span className="swatch" style={{ background: o.c.color }} aria-hidden />
                  <span className="qc-name">{o.c.name}</span>
                  <span className="qc-path">{o.c.path.includes('/') ? o.c.path.slice(0, o.c.path.lastIndexOf('/')) : ''}</span>
                </>
              ) : (
                <span>{t('codeField.createNew', { path: typed })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <span className={`code-field-status ${chosen ? 'ok' : value.create ? 'new' : typed ? 'none' : ''}`} data-testid={`${testId}-status`} title={chosen?.path}>
        {chosen ? t('codeField.uses', { path: chosen.path }) : value.create ? t('codeField.willCreate', { path: typed }) : typed ? t('codeField.chooseOne') : ''}
      </span>
    </span>
  );
}
