import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../store/view-store';
import { Fragment } from 'react';
import { groupOf, views } from '../views/registry';

export function CenterTabs() {
  const { t } = useTranslation();
  const active = useView((s) => s.active);
  const show = useView((s) => s.show);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const v = views.find((x) => x.shortcutKey === e.key);
      if (v) {
        e.preventDefault();
        show(v.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  const current = views.find((v) => v.id === active) ?? views[0]!;
  const View = current.component;
  return (
    <div className="center">
      {views.length > 1 && (
        <div className="tabs" role="tablist" aria-label={t('views.label')}>
          {views.map((v, i) => (
            <Fragment key={v.id}>
              {(i === 0 || groupOf(views[i - 1]!) !== groupOf(v)) && (
                <span className={`tab-group ${i === 0 ? 'first' : ''}`} aria-hidden>
                  {t(`views.groups.${groupOf(v)}`)}
                </span>
              )}
              <button
                type="button"
                role="tab"
                id={`tab-${v.id}`}
                aria-selected={v.id === current.id}
                aria-controls={`view-${v.id}`}
                className={`tab ${v.id === current.id ? 'active' : ''}`}
                title={v.shortcutKey ? `Alt+${v.shortcutKey}` : undefined}
                onClick={() => show(v.id)}
                data-testid={`tab-${v.id}`}
              >
                {t(v.titleKey)}
              </button>
            </Fragment>
          ))}
        </div>
      )}
      <div className="view" role="tabpanel" id={`view-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        <View />
      </div>
    </div>
  );
}
