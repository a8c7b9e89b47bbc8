// A trial's photos and voice notes (the customer's line, a test piece, what the
// engineer said): listed and played, and new ones taken and sent at once (online; a
// trial is usually recorded from the lab or the office, not the lobby).
import { useState } from 'preact/hooks';
import { ApiError, OfflineError, online, request } from '../lib/api';
import { AttachMedia } from '../lib/mediaMutations';
import { useStore } from '../lib/store';
import { MediaCapture, useMediaDraft } from './MediaCapture';
import { MediaList, type MediaNoteView } from './MediaList';
import { tm } from './media.i18n';

export function TrialMedia({ trialID, media, refetch }: { trialID: string; media: readonly MediaNoteView[] | null | undefined; refetch: () => Promise<void> }) {
  const on = useStore(online);
  const d = useMediaDraft();
  const [recording, setRecording] = useState(false);
  const [progress, setProgress] = useState<{ i: number; n: number } | null>(null);
  const [msg, setMsg] = useState<{ tone: 'notice' | 'error'; text: string } | null>(null);

  async function send() {
    const list = d.items.slice();
    if (!list.length) return;
    setMsg(null);
    try {
      for (const [i, x] of list.entries()) {
        setProgress({ i: i + 1, n: list.length });
        // The draft's key is its clientMutationId: sending it again after a lost answer stores it once.
        await request(
          AttachMedia,
          { input: { trialID, file: x.blob, caption: null, durationSeconds: x.kind === 'VOICE' ? (x.durationSeconds ?? null) : null }, cmid: x.key },
          [{ path: 'input.file', file: x.blob, name: x.name }],
        );
        d.remove(x.key);
      }
      setMsg({ tone: 'notice', text: tm('uploaded') });
    } catch (e) {
      const text =
        e instanceof OfflineError
          ? tm('offlineAdd')
          : e instanceof ApiError && e.code === 'BAD_USER_INPUT'
            ? tm('refused', { message: e.message })
            : tm('failed', { message: (e as Error)?.message ?? String(e) });
      setMsg({ tone: 'error', text });
    } finally {
      setProgress(null);
      await refetch();
    }
  }

  const n = d.items.length;
  return (
    <div class="trial-media">
      {!!media?.length && <h4 class="media-h">{tm('section')}</h4>}
      <MediaList media={media} onChanged={refetch} />
      <details class="filters" open={n > 0 || !!progress || recording || undefined}>
        <summary>{tm('add')}</summary>
        <MediaCapture d={d} id={`trial-media-${trialID}`} title={tm('add')} disabled={!on || !!progress} onRecording={setRecording} />
        {!on && <p class="muted small">{tm('offlineAdd')}</p>}
      </details>
      {n > 0 && (
        <button type="button" class="btn primary block" disabled={!on || !!progress || recording} aria-busy={!!progress} onClick={() => void send()}>
          {progress ? tm('uploading', progress) : tm('upload', { n })}
        </button>
      )}
      {msg && (
        <p class={msg.tone} role={msg.tone === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}
