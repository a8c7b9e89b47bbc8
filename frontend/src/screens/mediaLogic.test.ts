import { describe, expect, it } from 'vitest';
import {
  MAX_VOICE_SECONDS,
  countMedia,
  formatDuration,
  isVoiceType,
  kindOf,
  mediaCmid,
  pendingUploads,
  recordedSeconds,
  recorderType,
  showable,
  splitMedia,
  voiceFileName,
} from './mediaLogic';

describe('the recorder', () => {
  it('formats a duration as m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(62.9)).toBe('1:02');
    expect(formatDuration(600)).toBe('10:00');
    expect(formatDuration(null)).toBe('0:00');
    expect(formatDuration(-3)).toBe('0:00');
  });
  it('counts whole seconds, at least one, at most the limit', () => {
    expect(recordedSeconds(1000, 1000)).toBe(0);
    expect(recordedSeconds(1000, 1200)).toBe(1);
    expect(recordedSeconds(0, 2400)).toBe(2);
    expect(recordedSeconds(0, 2600)).toBe(3);
    expect(recordedSeconds(0, 3600_000)).toBe(MAX_VOICE_SECONDS);
  });
  it('asks for WebM/Opus where it can, else MP4 (Safari)', () => {
    expect(recorderType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recorderType((t) => t === 'audio/mp4')).toBe('audio/mp4');
    expect(recorderType(() => false)).toBe('');
  });
  it('names the file by its type and time', () => {
    const at = new Date(2025, 2, 14, 9, 32, 5);
    expect(voiceFileName('audio/webm;codecs=opus', at)).toBe('voice-20250314-093205.webm');
    expect(voiceFileName('audio/mp4', at)).toBe('voice-20250314-093205.m4a');
    expect(voiceFileName('', at)).toBe('voice-20250314-093205.webm');
  });
  it('knows a voice type from a photo', () => {
    expect(isVoiceType('audio/webm;codecs=opus')).toBe(true);
    expect(isVoiceType('audio/mp4')).toBe(true);
    expect(isVoiceType('image/jpeg')).toBe(false);
    expect(isVoiceType('text/html')).toBe(false);
  });
});

describe('notes', () => {
  it('counts photos and voice notes, queued or from the server', () => {
    expect(countMedia([{ key: 'photo' }, { key: 'voice' }, { key: 'photo' }])).toEqual({ photos: 2, voices: 1 });
    expect(countMedia([{ kind: 'VOICE' }, { kind: 'PHOTO' }])).toEqual({ photos: 1, voices: 1 });
    expect(countMedia(undefined)).toEqual({ photos: 0, voices: 0 });
    expect(kindOf({ key: 'voice' })).toBe('VOICE');
  });
  it('groups them keeping the order', () => {
    const list = [
      { id: 'a', kind: 'PHOTO' },
      { id: 'b', kind: 'VOICE' },
      { id: 'c', kind: 'PHOTO' },
    ];
    const g = splitMedia(list);
    expect(g.photos.map((x) => x.id)).toEqual(['a', 'c']);
    expect(g.voices.map((x) => x.id)).toEqual(['b']);
  });
  it('shows JPEG/PNG/WebP itself, not HEIC', () => {
    expect(showable('image/jpeg')).toBe(true);
    expect(showable('image/heic')).toBe(false);
    expect(showable('audio/webm')).toBe(false);
  });
});

describe('uploads of a queued visit', () => {
  it('gives each file the same id on every retry, different per file', () => {
    expect(mediaCmid('c1', 0)).toBe('c1-m0');
    expect(mediaCmid('c1', 1)).not.toBe(mediaCmid('c1', 0));
    expect(mediaCmid('c2', 0)).not.toBe(mediaCmid('c1', 0));
  });
  it('skips what a previous attempt uploaded', () => {
    expect(pendingUploads('c1', 3, undefined)).toEqual([0, 1, 2]);
    expect(pendingUploads('c1', 3, ['c1-m0', 'c1-m2'])).toEqual([1]);
    expect(pendingUploads('c1', 2, ['c9-m0', 'c1-m1'])).toEqual([0]);
    expect(pendingUploads('c1', 0, [])).toEqual([]);
  });
});
