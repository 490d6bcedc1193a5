/** A modal dialog: focus moves in, Escape or the backdrop closes it, focus goes back where it was. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  onClose(): void;
  onSubmit?(): void;
  submitLabel?: string;
  danger?: boolean;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
  /** Extra class for a dialog's own size or layout. */
  className?: string;
}

export function Dialog({ title, onClose, onSubmit, submitLabel, danger, children, testId, wide, className }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLFormElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // data-autofocus first: querySelector with a selector list returns the first in document order, not by priority
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>('[autofocus], input, textarea, select, button.primary, button');
    first?.focus();
    // Escape closes the dialog even when focus has left it (e.g. a button that became disabled).
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !ref.current?.contains(document.activeElement)) onCloseRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);
  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={onClose}>
      <form
        ref={ref}
        className={['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') { e.stopPropagation(); onClose(); }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h3>{title}</h3>
        {children}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>{onSubmit ? t('menu.cancel') : t('errors.dismiss')}</button>
          {onSubmit && (
            <button type="submit" className={danger ? 'primary danger' : 'primary'} data-testid={testId ? `${testId}-ok` : undefined}>
              {submitLabel ?? t('coding.ok')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
