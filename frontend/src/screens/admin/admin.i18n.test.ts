import { describe, expect, it } from 'vitest';
import { lang, registry } from '../../lib/i18n';
import { coded, t } from './admin.i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin texts', () => {
  it('are in both languages with the same placeholders, and Chinese is not English', () => {
    const r = registry.find((x) => x.name === 'admin')!;
    for (const k of Object.keys(r.en)) {
      const en = (r.en as Record<string, string>)[k];
      const zh = (r.zh as Record<string, string>)[k];
      expect(zh, k).toBeTruthy();
      expect(placeholders(zh), k).toEqual(placeholders(en));
      expect(/[A-Za-z]{4,}/.test(zh.replace(/\{\w+\}/g, '').replace(/https?/g, '')), `${k}: ${zh}`).toBe(false);
    }
  });
  it('label statuses and record types, and fall back to the code', () => {
    lang.set('zh');
    expect(coded('st', 'FAILED')).toBe('失败');
    expect(coded('ty', 'User')).toBe('用户');
    expect(coded('ty', 'SavedQuery')).toBe('SavedQuery');
    expect(t('UPDATE')).toBe('修改');
    lang.set('en');
    expect(coded('st', 'FAILED')).toBe('failed');
  });
});
