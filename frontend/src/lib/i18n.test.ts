import { describe, expect, it } from 'vitest';
import { enumEn, enumZh } from '../i18n/enums';
import { detectLang, format, lang, messages, registry } from './i18n';
import schema from '../../../graph/schema.graphql?raw';

// Every source file's text, to find the enums the app names in label('Enum', …) or enumName="Enum".
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../graphql-env.d.ts'], { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** The schema's enums and their values. */
function schemaEnums(sdl: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of sdl.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) out.set(m[1], [...m[2].matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*$/gm)].map((v) => v[1]));
  return out;
}

// Load every screen so each declares its messages.
const modules = import.meta.glob(['../screens/*.tsx', '../screens/*.ts', '!../screens/*.test.ts', '../screens/admin/*.tsx', '../ui/*.ts', '../ui/*.tsx'], { eager: true });

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('picks Chinese for a Chinese browser, English otherwise, and keeps the choice', () => {
    expect(detectLang(null, ['zh-CN', 'en'])).toBe('zh');
    expect(detectLang(null, ['zh-TW'])).toBe('zh');
    expect(detectLang(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(detectLang(null, ['de-DE'])).toBe('en');
    expect(detectLang('en', ['zh-CN'])).toBe('en');
    expect(detectLang('zh', ['en-US'])).toBe('zh');
    expect(detectLang('fr', ['zh-CN'])).toBe('zh');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} 条待发送', { n: 3 })).toBe('3 条待发送');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('switches every message with the language', () => {
    const t = messages('test', { hello: 'Hello {name}' }, { hello: '{name}，你好' });
    lang.set('zh');
    expect(t('hello', { name: '王工' })).toBe('王工，你好');
    lang.set('en');
    expect(t('hello', { name: 'Wang' })).toBe('Hello Wang');
  });

  it('has every screen loaded and translated, with the same placeholders', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(8);
    const names = registry.map((r) => r.name);
    for (const n of ['common', 'signin', 'today', 'accounts', 'account', 'visit', 'settings']) expect(names).toContain(n);
    const problems: string[] = [];
    for (const r of registry) {
      for (const k of Object.keys(r.en)) {
        const zh = r.zh[k];
        if (!zh || !zh.trim()) problems.push(`${r.name}.${k}: no Chinese`);
        else if (placeholders(zh).join() !== placeholders(r.en[k]).join()) problems.push(`${r.name}.${k}: placeholders differ`);
        const words = (zh ?? '').replace(/\{\w+\}/g, '');
        if (r.name !== 'test' && zh === r.en[k] && !/[\u4e00-\u9fff]/.test(words) && /[a-z]{4,}/.test(words) && !/^(Tandem|WeChat|English|MSDS|COA|GraphQL)/.test(words))
          problems.push(`${r.name}.${k}: Chinese is the English text`);
      }
      for (const k of Object.keys(r.zh)) if (!(k in r.en)) problems.push(`${r.name}.${k}: no English`);
    }
    expect(problems).toEqual([]);
  });

  // The reverse of "no English in Chinese screens": the English texts, and the English
  // labels of every enum, hold no Chinese (data such as names aside).
  it('says nothing in Chinese in English', () => {
    const han = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const mixed: string[] = [];
    // The language switch names the other language in its own script: that is the one exception.
    const ownName = new Set(['signin.language']);
    for (const r of registry)
      for (const [k, v] of Object.entries(r.en)) if (han.test(v) && !ownName.has(`${r.name}.${k}`)) mixed.push(`${r.name}.${k}: ${v}`);
    for (const [e, vals] of Object.entries(enumEn)) for (const [k, v] of Object.entries(vals)) if (han.test(v)) mixed.push(`${e}.${k}: ${v}`);
    expect(mixed).toEqual([]);
  });

  it('labels every enum value in both languages', () => {
    expect(Object.keys(enumZh).sort()).toEqual(Object.keys(enumEn).sort());
    for (const e of Object.keys(enumZh)) {
      expect(Object.keys(enumZh[e]).sort(), e).toEqual(Object.keys(enumEn[e]).sort());
      for (const v of Object.values(enumZh[e])) expect(v).toMatch(/[\u4e00-\u9fff]|^[A-Z]/);
    }
  });

  // Strict against the schema: an enum the app labels misses none of its values (a value
  // added on the server shows as a raw code otherwise), and every enum the app names has labels.
  it('labels every value the schema has, of every enum the app uses', () => {
    const enums = schemaEnums(schema);
    expect(enums.size).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const e of Object.keys(enumEn)) {
      const values = enums.get(e);
      if (!values) {
        missing.push(`${e}: not in the schema`);
        continue;
      }
      for (const v of values) for (const [l, d] of [['en', enumEn], ['zh', enumZh]] as const) if (!d[e]?.[v]) missing.push(`${e}.${v}: no ${l} label`);
    }
    const used = new Set<string>();
    for (const text of Object.values(sources)) for (const m of text.matchAll(/(?:\blabel\(|enumName=)\s*['"](\w+)['"]/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(20);
    for (const e of used) if (!enumEn[e]) missing.push(`${e}: used by the app, no labels`);
    expect(missing).toEqual([]);
  });
});
