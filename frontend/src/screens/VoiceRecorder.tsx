// Recording a voice note in the browser (MediaRecorder: WebM/Opus on Chromium and
// Firefox, MP4/AAC on Safari), at most 10 minutes, and playing a recording back before
// it is sent. Playback goes through Web Audio, not an <audio> element: the app's
// Content-Security-Policy lets media load from the server only, not from blob: URLs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_VOICE_SECONDS, formatDuration, recordedSeconds, recorderType } from './mediaLogic';
import { tm } from './media.i18n';

type RecError = 'micDenied' | 'micMissing' | 'noRecorder' | 'maxReached';

/** Record with the microphone; `onDone` gets the recording and its whole seconds. */
export function useRecorder(onDone: (blob: Blob, seconds: number) => void) {
  const [state, setState] = useState<'idle' | 'starting' | 'recording'>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [note, setNote] = useState<RecError | null>(null);
  const live = useRef<{ rec: MediaRecorder; stream: MediaStream; timer: ReturnType<typeof setInterval>; startedAt: number } | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  function release() {
    const l = live.current;
    if (!l) return;
    clearInterval(l.timer);
    l.stream.getTracks().forEach((tr) => tr.stop());
    live.current = null;
  }
  // Leaving the screen while recording drops the recording and frees the microphone.
  useEffect(
    () => () => {
      const l = live.current;
      if (l) l.rec.onstop = null;
      if (l && l.rec.state !== 'inactive') l.rec.stop();
      release();
    },
    [],
  );

  async function start() {
    setNote(null);
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return setNote('noRecorder');
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      setState('idle');
      const name = (e as DOMException)?.name;
      return setNote(name === 'NotFoundError' || name === 'OverconstrainedError' ? 'micMissing' : 'micDenied');
    }
    const type = recorderType((x) => MediaRecorder.isTypeSupported(x));
    const rec = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    rec.onstop = () => {
      const l = live.current;
      const seconds = l ? recordedSeconds(l.startedAt, Date.now()) : 0;
      release();
      setState('idle');
      setElapsed(0);
      const blob = new Blob(chunks, { type: rec.mimeType || type || 'audio/webm' });
      if (blob.size) done.current(blob, Math.max(1, seconds));
    };
    const startedAt = Date.now();
    const timer = setInterval(() => {
      const s = recordedSeconds(startedAt, Date.now());
      setElapsed(s);
      if (s >= MAX_VOICE_SECONDS) {
        setNote('maxReached');
        stop();
      }
    }, 250);
    live.current = { rec, stream, timer, startedAt };
    rec.start(1000);
    setElapsed(0);
    setState('recording');
  }

  function stop() {
    const l = live.current;
    if (l && l.rec.state !== 'inactive') l.rec.stop();
  }

  return { state, elapsed, note, start, stop };
}

/** Plays one recording at a time through Web Audio; `playing` is the key of the one playing. */
export function usePlayer() {
  const [playing, setPlaying] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const ctx = useRef<AudioContext | null>(null);
  const source = useRef<AudioBufferSourceNode | null>(null);
  useEffect(
    () => () => {
      source.current?.stop();
      void ctx.current?.close();
    },
    [],
  );

  function halt() {
    const s = source.current;
    source.current = null;
    if (s) {
      s.onended = null;
      s.stop();
    }
    setPlaying(null);
  }

  async function toggle(key: string, blob: Blob) {
    const was = playing;
    halt();
    if (was === key) return;
    setFailed(false);
    try {
      ctx.current ??= new AudioContext();
      await ctx.current.resume();
      const buf = await ctx.current.decodeAudioData(await blob.arrayBuffer());
      const s = ctx.current.createBufferSource();
      s.buffer = buf;
      s.connect(ctx.current.destination);
      s.onended = () => {
        if (source.current === s) halt();
      };
      source.current = s;
      s.start();
      setPlaying(key);
    } catch {
      setFailed(true);
    }
  }

  return { playing, failed, toggle, halt };
}

/** The record / stop button with the time recorded so far. */
export function RecorderControls({ rec, disabled }: { rec: ReturnType<typeof useRecorder>; disabled?: boolean }) {
  const busy = rec.state !== 'idle';
  return (
    <div class="recorder">
      {rec.state === 'recording' ? (
        <button type="button" class="btn danger block" onClick={rec.stop}>
          <span class="rec-dot" aria-hidden="true" /> {tm('stop')}
        </button>
      ) : (
        <button type="button" class="btn block" disabled={disabled || busy} onClick={() => void rec.start()}>
          {tm('record')}
        </button>
      )}
      {rec.state === 'recording' && (
        <p class="rec-time" role="timer" aria-live="off">
          {tm('recording', { time: formatDuration(rec.elapsed), max: formatDuration(MAX_VOICE_SECONDS) })}
        </p>
      )}
      {rec.note && (
        <p class={rec.note === 'maxReached' ? 'notice' : 'field-error'} role={rec.note === 'maxReached' ? 'status' : 'alert'}>
          {tm(rec.note)}
        </p>
      )}
    </div>
  );
}
