// Photos and voice notes taken before they are sent: on a visit log (they go with it
// through the offline queue) or on a trial. Photos from the camera or the gallery
// (large ones made smaller), voice notes recorded here; each can be looked at or played
// back, and removed, before it is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { newId } from '../lib/api';
import { shrinkPhoto } from '../lib/photo';
import type { QueuedFile } from '../lib/queue';
import { MAX_MEDIA_BYTES, formatDuration, voiceFileName } from './mediaLogic';
import { tm } from './media.i18n';
import { RecorderControls, usePlayer, useRecorder } from './VoiceRecorder';
import './media.css';

export interface Draft {
  key: string;
  kind: 'PHOTO' | 'VOICE';
  blob: Blob;
  name: string;
  durationSeconds?: number;
  /** A photo's preview (an object URL, freed with the screen). */
  url?: string;
}

export function useMediaDraft() {
  const [items, setItems] = useState<Draft[]>([]);
  const [warning, setWarning] = useState('');
  const current = useRef(items);
  current.current = items;
  useEffect(() => () => current.current.forEach((d) => d.url && URL.revokeObjectURL(d.url)), []);

  async function addPhotos(list: FileList | null) {
    if (!list?.length) return;
    const added: Draft[] = [];
    const refused: string[] = [];
    for (const chosen of Array.from(list)) {
      const file = await shrinkPhoto(chosen);
      if (file.size > MAX_MEDIA_BYTES) refused.push(tm('tooLarge', { name: file.name }));
      else added.push({ key: newId(), kind: 'PHOTO', blob: file, name: file.name, url: URL.createObjectURL(file) });
    }
    setWarning(refused.join(' '));
    setItems((xs) => xs.concat(added));
  }
  function addVoice(blob: Blob, seconds: number) {
    if (blob.size > MAX_MEDIA_BYTES) return setWarning(tm('tooLarge', { name: voiceFileName(blob.type, new Date()) }));
    setWarning('');
    setItems((xs) => xs.concat({ key: newId(), kind: 'VOICE', blob, name: voiceFileName(blob.type, new Date()), durationSeconds: seconds }));
  }
  function remove(key: string) {
    const d = current.current.find((x) => x.key === key);
    if (d?.url) URL.revokeObjectURL(d.url);
    setItems((xs) => xs.filter((x) => x.key !== key));
  }
  function clear() {
    current.current.forEach((d) => d.url && URL.revokeObjectURL(d.url));
    setItems([]);
    setWarning('');
  }
  /** The files for the offline queue, in the order taken. */
  function files(): QueuedFile[] {
    return current.current.map((d) => ({ key: d.kind === 'VOICE' ? 'voice' : 'photo', blob: d.blob, name: d.name, durationSeconds: d.durationSeconds }));
  }
  return { items, warning, addPhotos, addVoice, remove, clear, files };
}

export type MediaDraft = ReturnType<typeof useMediaDraft>;

/** The capture part of a form. `id` keeps its labels apart from another one on the page. */
export function MediaCapture({
  d,
  id,
  title = tm('section'),
  hint,
  disabled,
  onRecording,
}: {
  d: MediaDraft;
  id: string;
  title?: string;
  hint?: string;
  disabled?: boolean;
  onRecording?: (on: boolean) => void;
}) {
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const rec = useRecorder((blob, seconds) => d.addVoice(blob, seconds));
  const player = usePlayer();
  const recording = rec.state !== 'idle';
  useEffect(() => onRecording?.(recording), [recording]);
  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    void d.addPhotos(input.files);
    input.value = '';
  };
  const photos = d.items.filter((x) => x.kind === 'PHOTO');
  const voices = d.items.filter((x) => x.kind === 'VOICE');
  return (
    <div class="field media-capture" role="group" aria-labelledby={`${id}-label`} aria-describedby={hint ? `${id}-hint` : undefined}>
      <span id={`${id}-label`}>{title}</span>
      <input ref={camera} hidden type="file" accept="image/*" capture="environment" onChange={pick} />
      <input ref={gallery} hidden type="file" accept="image/*" multiple onChange={pick} data-testid={`${id}-gallery`} />
      <div class="btn-row">
        <button type="button" class="btn" disabled={disabled} onClick={() => camera.current?.click()}>
          {tm('takePhoto')}
        </button>
        <button type="button" class="btn" disabled={disabled} onClick={() => gallery.current?.click()}>
          {tm('choosePhotos')}
        </button>
      </div>
      <RecorderControls rec={rec} disabled={disabled} />
      {hint && (
        <small class="hint" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      {d.warning && (
        <p class="field-error" role="alert">
          {d.warning}
        </p>
      )}
      {photos.length > 0 && (
        <ul class="thumbs media-drafts">
          {photos.map((p, i) => (
            <li key={p.key}>
              <img src={p.url} alt={tm('photoAlt', { n: i + 1 })} />
              <button type="button" class="thumb-remove" aria-label={tm('removePhoto', { n: i + 1 })} onClick={() => d.remove(p.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {voices.length > 0 && (
        <ul class="voice-list">
          {voices.map((v, i) => {
            const time = formatDuration(v.durationSeconds);
            const on = player.playing === v.key;
            return (
              <li key={v.key}>
                <span class="voice-name">{tm('voiceN', { n: i + 1, time })}</span>
                <button type="button" class="btn" aria-label={on ? tm('stopPlaying') : tm('playOf', { n: i + 1, time })} onClick={() => void player.toggle(v.key, v.blob)}>
                  {on ? '■ ' + tm('stopPlaying') : '▶ ' + tm('play')}
                </button>
                <button
                  type="button"
                  class="btn danger"
                  aria-label={tm('removeVoice', { n: i + 1 })}
                  onClick={() => {
                    if (on) player.halt();
                    d.remove(v.key);
                  }}
                >
                  {tm('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {player.failed && (
        <p class="field-error" role="alert">
          {tm('cannotPlay')}
        </p>
      )}
    </div>
  );
}
