/**
 * The recording above a transcript, as MAXQDA and ATLAS.ti put the player beside the text: the
 * media element with its controls (a picture for video), the speed, the keys, and linking or
 * unlinking. F4 plays and pauses, F3 goes back 5 seconds, F7 slows down (1 → 0.75 → 0.5 → 1),
 * also while the caret is in the text; a missing file is named.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatNumber } from '../../util/format';
import type { MediaState } from './use-media';
import { isMediaFile } from './media-drop';

const SPEEDS = [1, 0.75, 0.5];
const BACK_SECONDS = 5;

function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

export function MediaBar({ media }: { media: MediaState }) {
  const { t, i18n } = useTranslation();
  const { info, src, ref } = media;
  const [rate, setRate] = useState(1);
  const [copy, setCopy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!src) return;
    const onKey = (e: KeyboardEvent): void => {
      const el = ref.current;
      if (!el || modalOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'F4') {
        e.preventDefault();
        if (el.paused) void el.play();
        else el.pause();
      } else if (e.key === 'F3') {
        e.preventDefault();
        el.currentTime = Math.max(0, el.currentTime - BACK_SECONDS);
      } else if (e.key === 'F7') {
        e.preventDefault();
        const next = SPEEDS[(SPEEDS.indexOf(el.playbackRate) + 1) % SPEEDS.length] ?? 1;
        el.playbackRate = next;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [src, ref]);

  const choose = (): void => {
    if (api.mode === 'desktop') void media.pickAndLink(copy);
    else input.current?.click();
  };
  const fileInput = (
    <input
      ref={input}
      type="file"
      hidden
      accept="audio/*,video/*"
      data-testid="media-file"
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f && isMediaFile(f.name)) void media.linkFile(f);
      }}
    />
  );

  if (!info) {
    return (
      <span className="media-none" data-testid="media-bar">
        {api.mode === 'desktop' && (
          <label className="muted">
            <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> {t('media.copy')}
          </label>
        )}
        <button type="button" className="small-button" onClick={choose} title={t('media.dropHint')} data-testid="media-link">
          {t('media.link')}
        </button>
        {fileInput}
      </span>
    );
  }

  if (!info.exists || !src) {
    return (
      <div className="media-bar media-missing" role="alert" data-testid="media-missing">
        <span>{t('media.missing', { path: info.path })}</span>
        <button type="button" className="small-button" onClick={choose}>{t('media.relink')}</button>
        <button type="button" className="link" onClick={() => void media.unlink()}>{t('media.unlink')}</button>
        {fileInput}
      </div>
    );
  }

  const common = {
    src,
    controls: true,
    preload: 'metadata' as const,
    'data-testid': 'media-player',
    onRateChange: (e: React.SyntheticEvent<HTMLMediaElement>) => setRate(e.currentTarget.playbackRate),
  };
  return (
    <div className={`media-bar ${info.video ? 'media-video' : 'media-audio'}`} data-testid="media-bar">
      {info.video ? (
        <video key={src + info.path} ref={ref as React.RefObject<HTMLVideoElement>} {...common} />
      ) : (
        <audio key={src + info.path} ref={ref as React.RefObject<HTMLAudioElement>} {...common} />
      )}
      <div className="media-side">
        <span className="media-name" title={info.path}>
          {info.name}
          {info.copied ? ` · ${t('media.copied')}` : ''}
        </span>
        <span className="muted" data-testid="media-rate">
          {t('media.rate', { rate: formatNumber(rate, i18n.language, rate % 1 === 0 ? 0 : 2) })}
        </span>
        <span className="media-keys muted">
          <kbd>F4</kbd> {t('media.keyPlay')} · <kbd>F3</kbd> {t('media.keyBack')} · <kbd>F7</kbd> {t('media.keySlower')}
        </span>
        <span>
          <button type="button" className="link" onClick={choose}>{t('media.replace')}</button>
          <button type="button" className="link" onClick={() => void media.unlink()} data-testid="media-unlink">{t('media.unlink')}</button>
        </span>
      </div>
      {fileInput}
    </div>
  );
}
