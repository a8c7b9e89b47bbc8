import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem } from './queue';

// The uploads go through request(); here it records each call and can fail one.
const sent: { cmid: string; input: Record<string, unknown>; name?: string }[] = [];
let failOn: string | null = null;
vi.mock('./api', () => ({
  request: vi.fn(async (_doc: unknown, vars: any, uploads?: { name?: string }[]) => {
    if (vars.cmid === failOn) throw new Error('network gone');
    sent.push({ cmid: vars.cmid, input: vars.input, name: uploads?.[0]?.name });
    return { attachMedia: { id: 'n-' + vars.cmid } };
  }),
}));
const { uploadQueuedMedia } = await import('./mediaMutations');

function item(): QueueItem {
  return {
    id: 'c42',
    kind: 'visitLog',
    label: 'visit',
    vars: {},
    createdAt: 0,
    status: 'sending',
    attempts: 1,
    files: [
      { key: 'photo', blob: new Blob(['jpg']), name: 'a.jpg' },
      { key: 'voice', blob: new Blob(['webm']), name: 'v.webm', durationSeconds: 2 },
      { key: 'photo', blob: new Blob(['png']), name: 'b.png' },
    ],
  };
}

describe('uploading a queued visit’s photos and voice notes', () => {
  beforeEach(() => {
    sent.length = 0;
    failOn = null;
  });

  it('sends each file once, to the visit, under its own stable id, saving progress after each', async () => {
    const saved: QueueItem[] = [];
    const out = await uploadQueuedMedia(item(), { interactionID: 'i1' }, async (it) => void saved.push(it));
    expect(sent.map((s) => s.cmid)).toEqual(['c42-m0', 'c42-m1', 'c42-m2']);
    expect(sent.map((s) => s.name)).toEqual(['a.jpg', 'v.webm', 'b.png']);
    expect(sent.every((s) => s.input.interactionID === 'i1')).toBe(true);
    // Only a voice note says how long it is.
    expect(sent.map((s) => s.input.durationSeconds)).toEqual([null, 2, null]);
    expect(saved.map((s) => (s.progress?.media as string[]).length)).toEqual([1, 2, 3]);
    expect(out.progress?.media).toEqual(['c42-m0', 'c42-m1', 'c42-m2']);
  });

  it('after a failure halfway, a retry sends only what had not arrived', async () => {
    let last: QueueItem = item();
    failOn = 'c42-m1';
    await expect(uploadQueuedMedia(last, { interactionID: 'i1' }, async (it) => void (last = it))).rejects.toThrow('network gone');
    expect(sent.map((s) => s.cmid)).toEqual(['c42-m0']);
    failOn = null;
    sent.length = 0;
    await uploadQueuedMedia(last, { interactionID: 'i1' }, async (it) => void (last = it));
    expect(sent.map((s) => s.cmid)).toEqual(['c42-m1', 'c42-m2']);
  });

  it('sends a trial’s files to the trial', async () => {
    await uploadQueuedMedia({ ...item(), files: item().files!.slice(0, 1) }, { trialID: 't9' }, async () => {});
    expect(sent[0].input.trialID).toBe('t9');
    expect(sent[0].input.interactionID).toBeUndefined();
  });
});
