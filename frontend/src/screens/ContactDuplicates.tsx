// On an account's first page, for managers: the account's contacts that look like the
// same person (contactPairs.ts), each with the way to merge them, and the way to pick
// any two. Reps see nothing: merging is a manager's decision.
import { graphql } from '../graphql';
import { session } from '../lib/api';
import { lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { likelyPairs, type ContactLike } from './contactPairs';
import { tcm } from './merge.i18n';

export const AccountContacts = graphql(`
  query AccountContacts($id: ID!) {
    node(id: $id) { ... on Customer { id contacts(first: 100, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id name title mobile email wechat } } } } }
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

export function ContactDuplicates({ id }: { id: string }) {
  const s = useStore(session);
  useStore(lang);
  const manages = mayMergeContacts(s?.user.role);
  const q = useQuery(AccountContacts, { id }, { skip: !manages });
  const contacts = contactsOf(q.data);
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
