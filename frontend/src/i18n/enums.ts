// Labels of the schema's enums in both languages. enums.json is the one copy: the app
// reads it here, and the server (frontend.EnumLabels) for what it writes in words, such
// as the timeline's titles.
import labels from './enums.json';
import { lang } from '../lib/i18n';

export const enumZh: Record<string, Record<string, string>> = labels.zh;
export const enumEn: Record<string, Record<string, string>> = labels.en;

/** The label of an enum value in the current language (the value itself when unknown). */
export function label(enumName: string, value: string | null | undefined): string {
  if (!value) return '';
  const d = lang.get() === 'zh' ? enumZh : enumEn;
  return d[enumName]?.[value] ?? enumEn[enumName]?.[value] ?? value;
}
