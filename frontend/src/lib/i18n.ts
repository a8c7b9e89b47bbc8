// Chinese and English. Chinese is the default for a Chinese browser, English otherwise;
// the choice in Settings is kept. Each screen declares its own messages with
// `messages(en, zh)`: TypeScript refuses a Chinese set that misses an English key, and
// the unit tests check every registered set for matching placeholders.
import { store } from './store';

export type Lang = 'zh' | 'en';
const LANG_KEY = 'tandem.lang';

export function detectLang(saved: string | null, languages: readonly string[]): Lang {
  if (saved === 'zh' || saved === 'en') return saved;
  for (const l of languages) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

function initial(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    /* ignore */
  }
  return detectLang(saved, navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export const lang = store<Lang>(initial());
lang.subscribe((l) => {
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    /* ignore */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
});
if (typeof document !== 'undefined') document.documentElement.lang = lang.get() === 'zh' ? 'zh-CN' : 'en';

export type Dict = Record<string, string>;
export type Vars = Record<string, string | number>;

/** Every message set the app declared (for the tests). */
export const registry: { name: string; en: Dict; zh: Dict }[] = [];

export function format(s: string, vars?: Vars): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function messages<E extends Dict>(name: string, en: E, zh: { [K in keyof E]: string }) {
  registry.push({ name, en, zh });
  return (key: keyof E & string, vars?: Vars): string => {
    const d = lang.get() === 'zh' ? zh : en;
    return format(d[key] ?? en[key] ?? key, vars);
  };
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const l = lang.get() === 'zh' ? 'zh-CN' : 'en-GB';
  return d.toLocaleString(l, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}

/** The time of day ("14:30"), in the app's language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(lang.get() === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** "3 days ago", "in 2 days", "today". */
export function relativeDay(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const days = Math.round((new Date(iso).getTime() - now) / 86400_000);
  const rtf = new Intl.RelativeTimeFormat(lang.get() === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
  if (Math.abs(days) < 60) return rtf.format(days, 'day');
  return rtf.format(Math.round(days / 30), 'month');
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n == null) return '';
  return n.toLocaleString(lang.get() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
}
