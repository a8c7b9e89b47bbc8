// The pure parts of photos and voice notes (unit-tested): limits, the recorder's time
// and type, file names, counting and grouping notes, and which files of a queued visit
// still have to be uploaded.

/** The server's limits (domain/media): 20 MB a file, 10 minutes a voice note. */
export const MAX_MEDIA_BYTES = 20 << 20;
export const MAX_VOICE_SECONDS = 600;

/** 5 → "0:05", 62 → "1:02", 600 → "10:00". */
export function formatDuration(seconds: number | null | undefined): string {
  const s = Math.max(0, Math.floor(seconds ?? 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whole seconds recorded (at least 1 once anything was), never past the limit. */
export function recordedSeconds(startedAt: number, now: number): number {
  const ms = Math.max(0, now - startedAt);
  if (ms === 0) return 0;
  return Math.min(MAX_VOICE_SECONDS, Math.max(1, Math.round(ms / 1000)));
}

/** The recording type to ask MediaRecorder for: what the server takes, as this browser can. */
export function recorderType(isSupported: (type: string) => boolean): string {
  for (const t of ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus', 'audio/ogg']) {
    if (isSupported(t)) return t;
  }
  return '';
}

const EXT: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/** "voice-20250314-0932.webm": the recording's file name, from its type and time. */
export function voiceFileName(type: string, at: Date): string {
  const base = type.split(';')[0].trim().toLowerCase();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `voice-${stamp}.${EXT[base] ?? 'webm'}`;
}

export type MediaKind = 'PHOTO' | 'VOICE';

/** A file's kind by its key in the queue ("photo" / "voice") or the server's kind. */
export function kindOf(x: { key?: string; kind?: string }): MediaKind {
  return x.kind === 'VOICE' || x.key === 'voice' ? 'VOICE' : 'PHOTO';
}

/** How many photos and voice notes a list holds. */
export function countMedia(list: readonly { key?: string; kind?: string }[] | null | undefined): { photos: number; voices: number } {
  let photos = 0;
  let voices = 0;
  for (const x of list ?? []) {
    if (kindOf(x) === 'VOICE') voices++;
    else photos++;
  }
  return { photos, voices };
}

/** Photos and voice notes apart, each in the order given (the server's: oldest first). */
export function splitMedia<T extends { kind: string }>(list: readonly T[] | null | undefined): { photos: T[]; voices: T[] } {
  const photos: T[] = [];
  const voices: T[] = [];
  for (const x of list ?? []) (x.kind === 'VOICE' ? voices : photos).push(x);
  return { photos, voices };
}

/** The clientMutationId of a queued item's n-th file: the same on every retry. */
export function mediaCmid(itemId: string, index: number): string {
  return `${itemId}-m${index}`;
}

/** The indexes of a queued item's files not uploaded yet (progress holds the done cmids). */
export function pendingUploads(itemId: string, fileCount: number, done: readonly string[] | null | undefined): number[] {
  const have = new Set(done ?? []);
  const out: number[] = [];
  for (let i = 0; i < fileCount; i++) if (!have.has(mediaCmid(itemId, i))) out.push(i);
  return out;
}

/** Whether a browser can show the photo itself (HEIC/HEIF mostly cannot). */
export function showable(contentType: string): boolean {
  return contentType.startsWith('image/') && !/hei[cf]/i.test(contentType);
}

/** A voice file the server takes by its type (the recorder's, or a chosen file's). */
export function isVoiceType(type: string): boolean {
  return /^audio\/(webm|ogg|mp4|aac|mpeg|mp3|wav|x-wav|x-m4a)\b/i.test(type.trim());
}
