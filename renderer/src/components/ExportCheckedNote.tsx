/**
 * After an export that was pseudonymised and read back for leaks: which file was checked,
 * for how many names, and that nothing was found (an export with a hit fails instead).
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/app-store';

export function ExportCheckedNote() {
  const { t } = useTranslation();
  const check = useApp((s) => s.exportCheck);
  const close = useApp((s) => s.setExportCheck);
  if (!check) return null;
  const { privacy, fileName } = check;
  return (
    <div className="notice-banner checked-banner" role="status" data-testid="export-checked">
      <span className="checked-mark" aria-hidden="true">✓</span>
      <span>
        <strong>{t('privacy.checked.title')}</strong>{' '}
        {t('privacy.checked.what', { file: fileName, count: privacy.names, sources: privacy.sourceFiles })}{' '}
        {privacy.pseudonymised && (privacy.replacements > 0 ? t('privacy.checked.replaced', { count: privacy.replacements }) : t('privacy.checked.noneReplaced'))}
      </span>
      <button type="button" className="link" onClick={() => close(null)}>{t('errors.dismiss')}</button>
    </div>
  );
}
