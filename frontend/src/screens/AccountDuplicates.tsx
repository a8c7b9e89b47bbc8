// On an account's first page, for managers: the accounts that look like the same
// company (the duplicate check), each with the way to merge it into this one, or this
// one into it (the established account should usually be the one kept).
import { Fragment } from 'preact';
import { graphql } from '../graphql';
import { session } from '../lib/api';
import { lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { t } from './merge.i18n';

const Duplicates = graphql(`
  query AccountDuplicates($id: ID!) {
    node(id: $id) { ... on Customer { id possibleDuplicates { reason customer { id name } } } }
  }
`);

export function AccountDuplicates({ id }: { id: string }) {
  const s = useStore(session);
  useStore(lang);
  const manages = !!s?.access?.manages;
  const q = useQuery(Duplicates, { id }, { skip: !manages });
  const node = q.data?.node as { possibleDuplicates?: { reason: string; customer?: { id: string; name: string } | null }[] } | null | undefined;
  const dups = (node?.possibleDuplicates ?? []).filter((d) => d.customer && d.customer.id !== id);
  if (!manages || dups.length === 0) return null;
  return (
    <section class="card notice" aria-labelledby="dups-h">
      <h2 id="dups-h">{t('duplicates')}</h2>
      <div class="btn-row">
        {dups.map((d) => (
          <Fragment key={d.customer!.id}>
            <a class="btn" href={`/customers/${id}/merge/${d.customer!.id}`}>
              {t('mergeWith', { name: d.customer!.name })}
            </a>
            <a class="btn" href={`/customers/${d.customer!.id}/merge/${id}`}>
              {t('mergeThisInto', { name: d.customer!.name })}
            </a>
          </Fragment>
        ))}
      </div>
    </section>
  );
}
