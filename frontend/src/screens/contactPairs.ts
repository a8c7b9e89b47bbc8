// Which contacts of an account look like the same person: the same mobile (digits,
// a leading +86/0086/86 dropped, as the server's person key), email or WeChat ID
// (case-insensitive), else the same name. Each pair once, the older contact first
// (it is the one kept by default).

export type ContactLike = {
  id: string;
  name: string;
  mobile?: string | null;
  email?: string | null;
  wechat?: string | null;
};
export type PairReason = 'mobile' | 'email' | 'wechat' | 'name';
export type Pair = {
  keep: ContactLike;
  merge: ContactLike;
  reason: PairReason;
};

export function mobileKey(m: string | null | undefined): string {
  let d = (m ?? '').replace(/\D/g, '');
  for (const p of ['0086', '86']) {
    if (d.length > 11 && d.startsWith(p)) {
      d = d.slice(p.length);
      break;
    }
  }
  return d;
}

const keys: [PairReason, (c: ContactLike) => string][] = [
  ['mobile', (c) => mobileKey(c.mobile)],
  ['email', (c) => (c.email ?? '').trim().toLowerCase()],
  ['wechat', (c) => (c.wechat ?? '').trim().toLowerCase()],
  ['name', (c) => c.name.replace(/\s+/g, '').toLowerCase()],
];

/** contacts in the order they were added (oldest first). */
export function likelyPairs(contacts: ContactLike[]): Pair[] {
  const out: Pair[] = [];
  const seen = new Set<string>();
  for (const [reason, key] of keys) {
    for (let i = 0; i < contacts.length; i++) {
      const a = key(contacts[i]);
      if (!a) continue;
      for (let j = i + 1; j < contacts.length; j++) {
        const id = contacts[i].id + '|' + contacts[j].id;
        if (seen.has(id) || key(contacts[j]) !== a) continue;
        seen.add(id);
        out.push({ keep: contacts[i], merge: contacts[j], reason });
      }
    }
  }
  return out;
}
