// What the account page's contact list shows of each contact: pure, so it is tested
// without a browser (contactList.test.ts).

export type ContactRow = {
  id: string;
  name: string;
  title?: string | null;
  department?: string | null;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
  wechat?: string | null;
};

/** The list shows this many contacts until the user asks for all. */
export const SHOWN = 10;

/** The number to dial: the mobile first, else the landline; spaces dropped for tel:. */
export function dialable(c: ContactRow): { shown: string; href: string } | null {
  const n = (c.mobile || c.phone || '').trim();
  if (!n) return null;
  return { shown: n, href: 'tel:' + n.replace(/[\s()-]+/g, '') };
}

/** The mailto: link, or null when the contact has no address. */
export function mailto(c: ContactRow): string | null {
  const e = (c.email || '').trim();
  return e ? 'mailto:' + e : null;
}

/** The line under the name: title and department label (OTHER says nothing). */
export function roleLine(c: ContactRow, dept: (code: string) => string): string {
  const parts = [(c.title || '').trim()];
  if (c.department && c.department !== 'OTHER') parts.push(dept(c.department));
  return parts.filter(Boolean).join(' · ');
}

/** The contacts to show: the first SHOWN unless all are asked for. */
export function visible<T>(all: T[], showAll: boolean): T[] {
  return showAll ? all : all.slice(0, SHOWN);
}

/** vCard text escaped (RFC 6350: backslash, comma, semicolon, line breaks). */
function vEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([,;])/g, '\\$1').replace(/\r?\n/g, '\\n');
}

/**
 * A vCard 3.0 of the contact, at the account (`org`): what the phone's address book
 * imports — name, company, title, mobile, office phone, email, and the WeChat ID in a note.
 */
export function vcard(c: ContactRow, org: string, wechatLabel = 'WeChat'): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(c.name)}`, `N:${vEscape(c.name)};;;;`];
  if (org) lines.push(`ORG:${vEscape(org)}`);
  if (c.title) lines.push(`TITLE:${vEscape(c.title)}`);
  if (c.mobile) lines.push(`TEL;TYPE=CELL:${vEscape(c.mobile)}`);
  if (c.phone) lines.push(`TEL;TYPE=WORK,VOICE:${vEscape(c.phone)}`);
  if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${vEscape(c.email)}`);
  if (c.wechat) lines.push(`NOTE:${vEscape(`${wechatLabel}: ${c.wechat}`)}`);
  lines.push('END:VCARD');
  return lines.join('\r\n') + '\r\n';
}
