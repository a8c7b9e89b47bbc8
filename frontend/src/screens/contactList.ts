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
