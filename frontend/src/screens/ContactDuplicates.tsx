// In an account's contact list, for whoever may merge contacts: the contacts that look like the
// same person (contactPairs.ts), each with the way to merge them, and the way to pick
// any two. Analysts see nothing: they only read.
import { graphql } from '../graphql';
import { session } from '../lib/api';
import { lang } from '../lib/i18n';
import { useStore } from '../lib/store';
import { likelyPairs, type ContactLike } from './contactPairs';
import { tcm } from './merge.i18n';

/** An account's contacts, oldest first (the pairs keep the older one): the account
 * page's contact list and its merge card, and the contact merge screen. */
export const AccountContacts = graphql(`
  query AccountContacts($id: ID!) {
    node(id: $id) {
      ... on Customer {
        id
        name
        contacts(first: 100, orderBy: { field: CREATED_AT, direction: ASC }) {
          edges { node { id name title department phone mobile email wechat } }
        }
      }
    }
  }
`);

type Contacts = { node?: { contacts?: { edges?: ({ node?: ContactLike | null } | null)[] | null } } | null } | undefined;

export function contactsOf(data: unknown): ContactLike[] {
  return ((data as Contacts)?.node?.contacts?.edges ?? []).map((e) => e?.node).filter((c): c is ContactLike => !!c);
}

/** Whoever may change an account's contacts may merge two of them: reps keep their own
 * contact lists clean (the server's rule, domain/merge.Contacts); analysts only read. */
export function mayMergeContacts(role: string | undefined): boolean {
  return role === 'REP' || role === 'MANAGER' || role === 'ADMIN';
}

/** The merge card of the account's contacts (oldest first), read by the contact list. */
export function ContactDuplicates({ id, contacts }: { id: string; contacts: ContactLike[] }) {
  const s = useStore(session);
  useStore(lang);
  const manages = mayMergeContacts(s?.user.role);
  if (!manages || contacts.length < 2) return null;
  const pairs = likelyPairs(contacts);
  const base = `/customers/${id}/contacts/merge`;
  return (
    <section class="card" aria-labelledby="cdups-h">
      {pairs.length > 0 && (
        <>
          <h2 id="cdups-h">{tcm('duplicates')}</h2>
          <div class="btn-row">
            {pairs.map((p) => (
              <a key={p.keep.id + p.merge.id} class="btn" href={`${base}?keep=${p.keep.id}&merge=${p.merge.id}`}>
                {tcm('pair', { a: p.keep.name, b: p.merge.name, why: tcm(p.reason) })}
              </a>
            ))}
          </div>
        </>
      )}
      <a class="btn" href={base} id={pairs.length ? undefined : 'cdups-h'}>
        {tcm('open')}
      </a>
    </section>
  );
}
