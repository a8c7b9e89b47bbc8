// Merging a duplicate account into this one (/customers/:id/merge/:otherId): both
// accounts side by side, a choice per field that differs, what will move, a reason and
// a confirmation. The server does it in one transaction (mergeAccounts); afterwards
// the merge is on this account's timeline.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, request, session } from '../lib/api';
import { lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { fieldNames, t } from './merge.i18n';
import { FieldChoices, Moves, ReasonAndMerge, refusalText, sideOf, type Side } from './MergeParts';

const Preview = graphql(`
  query MergePreview($s: ID!, $m: ID!) {
    accountMergePreview(survivorID: $s, mergedID: $m) {
      fields { field survivor merged differs }
      moves { table count }
    }
    a: node(id: $s) { ... on Customer { id name owner { name } team { name } } }
    b: node(id: $m) { ... on Customer { id name owner { name } team { name } } }
  }
`);

const MergeAccounts = graphql(`
  mutation MergeAccounts($input: MergeInput!, $cm: String) {
    mergeAccounts(input: $input, clientMutationId: $cm) { id customer { id } }
  }
`);

type Acct = { name?: string; owner?: { name: string } | null; team?: { name: string } | null } | null | undefined;

const refusal = (err: unknown) =>
  refusalText(err, { CONFLICT: t('conflict'), FORBIDDEN: t('managersOnly'), NOT_FOUND: t('notFound'), BAD_USER_INPUT: t('badInput') });

/** A field's value as people read it: names for the owner and team, labels for enums. */
function shown(field: string, value: string | null | undefined, acct: Acct): string {
  if (!value) return t('empty');
  if (field === 'ownerID') return acct?.owner?.name ?? value;
  if (field === 'teamID') return acct?.team?.name ?? value;
  if (field === 'leadSource') return label('CustomerLeadSource', value);
  if (field === 'industryStatus') return label('CustomerIndustryStatus', value);
  return value;
}

export function Merge({ id, otherId }: { id: string; otherId: string }) {
  const s = useStore(session);
  useStore(lang);
  const q = useQuery(Preview, { s: id, m: otherId });
  const [picked, setPicked] = useState<Record<string, Side>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [cm] = useState(() => newId());
  return (
    <>
      <Header title={t('title')} back={`/customers/${id}`} />
      <main class="content">
        {!s?.access?.manages ? (
          <p class="card notice">{t('managersOnly')}</p>
        ) : (
          <Query q={q}>
            {(d) => {
              const a = d.a as Acct;
              const b = d.b as Acct;
              const diffs = d.accountMergePreview.fields.filter((f) => f.differs);
              async function submit(e: Event) {
                e.preventDefault();
                if (!confirm(t('confirm', { name: b?.name ?? '' }))) return;
                setBusy(true);
                setError('');
                try {
                  const choices = diffs.map((f) => ({ field: f.field, side: sideOf(picked, f) }));
                  await request(MergeAccounts, { input: { survivorID: id, mergedID: otherId, choices, reason: reason.trim() || null }, cm });
                  navigate(`/customers/${id}/timeline`);
                } catch (err) {
                  setError(refusal(err));
                } finally {
                  setBusy(false);
                }
              }
              return (
                <form onSubmit={submit}>
                  <p>{t('explain', { merged: b?.name ?? '', survivor: a?.name ?? '' })}</p>
                  <a class="btn block" href={`/customers/${otherId}/merge/${id}`}>
                    {t('swapSides', { name: b?.name ?? '' })}
                  </a>
                  <FieldChoices
                    diffs={diffs}
                    picked={picked}
                    onPick={setPicked}
                    names={fieldNames}
                    sides={[t('thisAccount'), t('other')]}
                    shown={(field, value, side) => shown(field, value, side === 'SURVIVOR' ? a : b)}
                  />
                  <Moves title={t('moves')} moves={d.accountMergePreview.moves} />
                  <ReasonAndMerge reason={reason} onReason={setReason} hint={t('reasonHint')} error={error} busy={busy} action={t('merge')} />
                </form>
              );
            }}
          </Query>
        )}
      </main>
    </>
  );
}
