// The photos and voice notes of a visit or trial, from the server: thumbnails (tap for
// the photo large), players with the length, and deleting one (asked first; online).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResultOf } from '../graphql';
import { ApiError, OfflineError, online, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { DeleteMediaNote, type MediaFields } from '../lib/mediaMutations';
import { useStore } from '../lib/store';
import { Confirm } from '../ui/Confirm';
import { tc } from '../ui/common.i18n';
import { formatDuration, showable, splitMedia } from './mediaLogic';
import { tm } from './media.i18n';
import './media.css';

export type MediaNoteView = ResultOf<typeof MediaFields>;

function useDelete(onChanged: () => unknown) {
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  async function del(m: MediaNoteView) {
    setErr('');
    setFlash('');
    try {
      await request(DeleteMediaNote, { id: m.id, version: m.version });
      setFlash(tm('deleted'));
    } catch (e) {
      if (e instanceof OfflineError) return setErr(tc('onlineOnly'));
      setErr(e instanceof ApiError && e.code === 'CONFLICT' ? tm('conflict') : tm('failed', { message: (e as Error)?.message ?? String(e) }));
    }
    await onChanged();
  }
  return { err, flash, del };
}

/** The photo large, over the page, with who took it and the way to delete it. */
function Viewer({ m, n, total, onClose, onDelete }: { m: MediaNoteView; n: number; total: number; onClose: () => void; onDelete: () => Promise<void> }) {
  const close = useRef<HTMLButtonElement>(null);
  const on = useStore(online);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('keydown', key);
      back?.focus?.();
    };
  }, []);
  const title = tm('photoOf', { n, total });
  return (
    <div class="lightbox" role="dialog" aria-modal="true" aria-label={title}>
      <div class="lightbox-bar">
        <span>{title}</span>
        <button ref={close} type="button" class="btn" onClick={onClose}>
          {tm('close')}
        </button>
      </div>
      <img src={m.downloadURL ?? ''} alt={m.caption || tm('photoAlt', { n })} />
      <p class="small">
        {m.caption ? m.caption + ' · ' : ''}
        {formatDate(m.createdAt, true)}
        {m.uploadedBy ? ' · ' + tm('by', { name: m.uploadedBy.name }) : ''}
      </p>
      <Confirm
        label={tm('deletePhoto', { n })}
        question={tm('deletePhotoQ')}
        yes={tm('yesDelete')}
        no={tm('keep')}
        busyLabel={tm('deleting')}
        disabled={!on}
        onYes={onDelete}
      />
    </div>
  );
}

export function MediaList({ media, stale, onChanged }: { media: readonly MediaNoteView[] | null | undefined; stale?: boolean; onChanged: () => unknown }) {
  const on = useStore(online);
  const [open, setOpen] = useState<string | null>(null);
  const d = useDelete(onChanged);
  // A link lives 10 minutes: a photo that no longer loads asks for fresh links, once.
  const refreshed = useRef(false);
  const expired = () => {
    if (refreshed.current || !on) return;
    refreshed.current = true;
    void onChanged();
  };
  const { photos, voices } = splitMedia(media ?? []);
  if (!photos.length && !voices.length) return d.flash ? <p class="notice" role="status">{d.flash}</p> : null;
  const off = stale || !on;
  const shown = photos.findIndex((p) => p.id === open);
  return (
    <div class="media-list">
      {off && <p class="muted small">{tm('offlineLinks')}</p>}
      {photos.length > 0 && (
        <ul class="thumbs">
          {photos.map((p, i) => (
            <li key={p.id}>
              {off || !p.downloadURL ? (
                <span class="thumb-placeholder">{tm('photoAlt', { n: i + 1 })}</span>
              ) : showable(p.contentType) ? (
                <button type="button" class="thumb-btn" aria-label={tm('openPhoto', { n: i + 1 })} onClick={() => setOpen(p.id)}>
                  <img src={p.downloadURL} alt="" loading="lazy" onError={expired} />
                </button>
              ) : (
                <a class="thumb-placeholder" href={p.downloadURL} target="_blank" rel="noopener">
                  {tm('heic')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {voices.length > 0 && (
        <ul class="voice-list">
          {voices.map((v, i) => {
            const name = tm('voiceN', { n: i + 1, time: formatDuration(v.durationSeconds) });
            return (
              <li key={v.id}>
                <span class="voice-name">{name}</span>
                {!off && v.downloadURL && <audio controls preload="metadata" src={v.downloadURL} aria-label={name} />}
                <Confirm
                  label={tm('deleteVoice', { n: i + 1 })}
                  question={tm('deleteVoiceQ')}
                  yes={tm('yesDelete')}
                  no={tm('keep')}
                  busyLabel={tm('deleting')}
                  disabled={off}
                  onYes={() => d.del(v)}
                />
              </li>
            );
          })}
        </ul>
      )}
      {shown >= 0 && (
        <Viewer
          m={photos[shown]}
          n={shown + 1}
          total={photos.length}
          onClose={() => setOpen(null)}
          onDelete={async () => {
            await d.del(photos[shown]);
            setOpen(null);
          }}
        />
      )}
      {d.err && (
        <p class="error" role="alert">
          {d.err}
        </p>
      )}
      {d.flash && (
        <p class="notice" role="status">
          {d.flash}
        </p>
      )}
    </div>
  );
}
