// A customer picker for partner tokens and webhook endpoints: type part of the name,
// choose from the matches.
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { useQuery } from '../../lib/query';
import { t } from './admin.i18n';

const Search = graphql(`
  query AdminCustomerSearch($q: String!) {
    customers(first: 20, where: { nameContainsFold: $q }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } }
  }
`);

export function CustomerPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery(Search, { q }, { keep: false });
  const options = (found.data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <fieldset class="field">
      <legend>{t('customer')}</legend>
      <label class="field">
        <span>{t('searchCustomer')}</span>
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('pickCustomer')}</span>
        <select name="customer" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{found.data && !options.length ? (q ? t('noCustomerMatch') : t('noCustomers')) : '—'}</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
