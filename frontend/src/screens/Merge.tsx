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
import { Empty, Query, Section } from '../ui/bits';
import { Header } from '../ui/Layout';
import { errorText } from '../ui/feedback';
import { fieldNames, other, t, tableNames } from './merge.i18n';

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

type Side = 'SURVIVOR' | 'MERGED';
type Acct = { name?: string; owner?: { name: string } | null; team?: { name: string } | null } | null | undefined;

const say = (pair: [string, string] | undefined, fallback: [string, string]) => (lang.get() === 'zh' ? (pair ?? fallback)[1] : (pair ?? fallback)[0]);

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
              const sideOf = (f: (typeof diffs)[number]): Side => picked[f.field] ?? (f.survivor ? 'SURVIVOR' : 'MERGED');
              async function submit(e: Event) {
                e.preventDefault();
                if (!confirm(t('confirm', { name: b?.name ?? '' }))) return;
                setBusy(true);
                setError('');
                try {
                  const choices = diffs.map((f) => ({ field: f.field, side: sideOf(f) }));
                  await request(MergeAccounts, { input: { survivorID: id, mergedID: otherId, choices, reason: reason.trim() || null }, cm });
                  navigate(`/customers/${id}/timeline`);
                } catch (err) {
                  setError(errorText(err, t('conflict')));
                } finally {
                  setBusy(false);
                }
              }
              return (
                <form onSubmit={submit}>
                  <p>{t('explain', { merged: b?.name ?? '', survivor: a?.name ?? '' })}</p>
                  {diffs.map((f) => (
                    <fieldset class="card choices" key={f.field}>
                      <legend>{say(fieldNames[f.field], [f.field, f.field])}</legend>
                      {(['SURVIVOR', 'MERGED'] as const).map((side) => (
                        <label key={side} class="row" style={{ cursor: 'pointer' }}>
                          <input type="radio" name={`f-${f.field}`} checked={sideOf(f) === side} onChange={() => setPicked({ ...picked, [f.field]: side })} />
                          <span>
                            <span class="muted small">{side === 'SURVIVOR' ? t('thisAccount') : t('other')}:</span>{' '}
                            {side === 'SURVIVOR' ? shown(f.field, f.survivor, a) : shown(f.field, f.merged, b)}
                          </span>
                        </label>
                      ))}
                    </fieldset>
                  ))}
                  <p class="muted small">{t('sameEverywhere')}</p>
                  <Section title={t('moves')}>
                    {d.accountMergePreview.moves.length === 0 ? (
                      <Empty>{t('nothingMoves')}</Empty>
                    ) : (
                      <ul class="list">
                        {d.accountMergePreview.moves.map((m) => (
                          <li key={m.table}>
                            {say(tableNames[m.table], other)}: {m.count}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Section>
                  <label class="field">
                    <span>{t('reason')}</span>
                    <textarea rows={2} placeholder={t('reasonHint')} value={reason} maxLength={500} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
                  </label>
                  {error && (
                    <p class="error" role="alert">
                      {error}
                    </p>
                  )}
                  <button type="submit" class="btn primary block" disabled={busy}>
                    {t('merge')}
                  </button>
                </form>
              );
            }}
          </Query>
        )}
      </main>
    </>
  );
}
