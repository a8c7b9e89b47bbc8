import { describe, expect, it } from 'vitest';
import {
  appPath,
  base64UrlToBytes,
  bytesToBase64Url,
  deviceName,
  pushMessageFrom,
  pushSupport,
  reminderErrorKey,
  reminderState,
  sameKey,
  toggleKind,
  validDigest,
} from './pushLogic';

// A VAPID public key as servers print it: an uncompressed P-256 point, 65 bytes.
const KEY = 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4';

describe('base64url', () => {
  it('decodes a VAPID key to its 65 bytes, starting with 0x04', () => {
    const b = base64UrlToBytes(KEY);
    expect(b.length).toBe(65);
    expect(b[0]).toBe(4);
    expect(bytesToBase64Url(b)).toBe(KEY);
  });
  it('uses - and _ (not + and /), with or without padding', () => {
    expect(Array.from(base64UrlToBytes('-_8'))).toEqual([0xfb, 0xff]);
    expect(Array.from(base64UrlToBytes('-_8='))).toEqual([0xfb, 0xff]);
    expect(bytesToBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(Array.from(base64UrlToBytes(''))).toEqual([]);
  });
  it('refuses plain base64 characters and impossible lengths', () => {
    expect(() => base64UrlToBytes('ab+/')).toThrow();
    expect(() => base64UrlToBytes('abcde')).toThrow();
  });
  it('tells a subscription made with another key', () => {
    const b = base64UrlToBytes(KEY);
    expect(sameKey(b.buffer as ArrayBuffer, KEY)).toBe(true);
    const other = b.slice();
    other[10] ^= 1;
    expect(sameKey(other, KEY)).toBe(false);
    expect(sameKey(null, KEY)).toBe(true);
    expect(sameKey(b, 'not a key!')).toBe(false);
  });
});

describe('deviceName', () => {
  it('names the browser and the system', () => {
    expect(deviceName('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36')).toBe('Chrome · Android');
    expect(deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari · iPhone');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toBe('Edge · Windows');
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe('Firefox · Mac');
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36')).toBe('Chrome · Linux');
    expect(deviceName('Mozilla/5.0 (Linux; Android 13; V2154A) AppleWebKit/537.36 Chrome/107 MicroMessenger/8.0.47')).toBe('WeChat · Android');
  });
  it('keeps something readable for an unknown browser', () => {
    expect(deviceName('curl/8.0')).toBe('curl/8.0');
    expect(deviceName('')).toBe('?');
  });
});

describe('what reminders this device can have', () => {
  const all = { serviceWorker: true, pushManager: true, notification: true, ua: 'Chrome/126', standalone: false };
  it('needs the home screen on an iPhone, and says so elsewhere it is missing', () => {
    expect(pushSupport(all)).toBe('ok');
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1';
    expect(pushSupport({ ...all, pushManager: false, notification: false, ua: iphone })).toBe('homeScreen');
    expect(pushSupport({ ...all, pushManager: false, notification: false, ua: iphone, standalone: true })).toBe('unsupported');
    expect(pushSupport({ ...all, serviceWorker: false })).toBe('unsupported');
  });
  it('says the most blocking reason first', () => {
    const s = { support: 'ok' as const, publicKey: KEY, permission: 'granted' as const, subscribed: true };
    expect(reminderState(s)).toBe('on');
    expect(reminderState({ ...s, subscribed: false })).toBe('off');
    expect(reminderState({ ...s, permission: 'default' })).toBe('off');
    expect(reminderState({ ...s, permission: 'denied' })).toBe('denied');
    expect(reminderState({ ...s, publicKey: null, permission: 'denied' })).toBe('serverOff');
    expect(reminderState({ ...s, support: 'homeScreen', publicKey: null })).toBe('homeScreen');
  });
});

describe('settings', () => {
  it('takes an empty digest time or HH:MM', () => {
    for (const ok of ['', '07:30', '00:00', '23:59']) expect(validDigest(ok)).toBe(true);
    for (const bad of ['7:30', '24:00', '12:60', '12:3', 'noon']) expect(validDigest(bad)).toBe(false);
  });
  it('toggles a kind, keeping the schema order', () => {
    const order = ['VISIT_SOON', 'SAMPLE_FOLLOW_UP', 'SLA', 'NOTICE_ACK', 'DIGEST'] as const;
    expect(toggleKind(['DIGEST', 'VISIT_SOON'], 'SLA', order)).toEqual(['VISIT_SOON', 'SLA', 'DIGEST']);
    expect(toggleKind(['VISIT_SOON', 'SLA'], 'VISIT_SOON', order)).toEqual(['SLA']);
  });
});

describe('a push received in the app', () => {
  it('reads the service worker message', () => {
    const m = pushMessageFrom({ type: 'push', message: { title: '40 分钟后拜访：瑞丰塑胶', body: 'b', url: '/customers/x/visit', tag: 't', kind: 'VISIT_SOON' } });
    expect(m).toEqual({ title: '40 分钟后拜访：瑞丰塑胶', body: 'b', url: '/customers/x/visit', tag: 't', kind: 'VISIT_SOON' });
  });
  it('ignores other messages and one without a title', () => {
    expect(pushMessageFrom({ type: 'other', message: { title: 'x' } })).toBeNull();
    expect(pushMessageFrom({ type: 'push', message: { body: 'x' } })).toBeNull();
    expect(pushMessageFrom('push')).toBeNull();
  });
  it('only links inside the app', () => {
    expect(appPath('/problems/1')).toBe('/problems/1');
    expect(appPath('https://evil.example/')).toBe('/');
    expect(appPath('//evil.example/')).toBe('/');
    expect(appPath('/\\evil.example')).toBe('/');
    expect(appPath(undefined)).toBe('/');
  });
});

describe('a refused reminder request', () => {
  it('is told by its code and field, never as the code', () => {
    expect(reminderErrorKey({ offline: true }, 'settings')).toBe('offline');
    expect(reminderErrorKey({ code: 'FORBIDDEN' }, 'settings')).toBe('forbidden');
    expect(reminderErrorKey({ code: 'BAD_USER_INPUT', field: 'digestAt' }, 'settings')).toBe('badDigest');
    expect(reminderErrorKey({ code: 'BAD_USER_INPUT', field: 'kinds' }, 'settings')).toBe('badKinds');
    expect(reminderErrorKey({ code: 'BAD_USER_INPUT', message: 'push reminders are off on this server' }, 'test')).toBe('serverOff');
    expect(reminderErrorKey({ code: 'BAD_USER_INPUT', message: 'no browser of yours is subscribed' }, 'test')).toBe('testNone');
    expect(reminderErrorKey({ code: 'BAD_USER_INPUT', message: 'x' }, 'device')).toBe('failed');
    expect(reminderErrorKey({ code: 'INTERNAL' }, 'test')).toBe('failed');
  });
});
