// The new-contact form's fields and their checks (ContactNew.tsx).

export type Fields = { name: string; title: string; mobile: string; phone: string; email: string; wechat: string };
export const blank: Fields = { name: '', title: '', mobile: '', phone: '', email: '', wechat: '' };

/** What is wrong with the form, field by field (nothing: it can be saved). */
export function contactErrors(f: Fields): Partial<Record<keyof Fields, 'needName' | 'badEmail' | 'badPhone'>> {
  const out: Partial<Record<keyof Fields, 'needName' | 'badEmail' | 'badPhone'>> = {};
  if (!f.name.trim()) out.name = 'needName';
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) out.email = 'badEmail';
  for (const k of ['mobile', 'phone'] as const) if (f[k].trim() && !/^[\d\s+\-()]{3,40}$/.test(f[k].trim())) out[k] = 'badPhone';
  return out;
}
