// Merging duplicate contacts of an account (/customers/:id/contacts/merge?keep=&merge=),
// for managers: pick the contact to keep and the one to fold into it (the likely pairs
// are offered), choose per differing field, see what moves, give a reason, confirm.
// The server does it in one transaction (mergeContacts); the result says so here and
// the merge is on the account's timeline.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, request, session } from '../lib/api';
import { lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { navigate, useQueryParam } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { AccountContacts, contactsOf, mayMergeContacts } from './ContactDuplicates';
import { likelyPairs, type ContactLike } from './contactPairs';
import { contactFieldNames, t, tcm } from './merge.i18n';
import { FieldChoices, Moves, ReasonAndMerge, refusalText, sideOf, type Side } from './MergeParts';

const Preview = graphql(`
  query ContactMergePreview($s: ID!, $m: ID!) {
    contactMergePreview(survivorID: $s, mergedID: $m) { fields { field survivor merged differs } moves { table count } }
  }
`);

const MergeContacts = graphql(`
  mutation MergeContacts($input: MergeInput!, $cm: String) {
    mergeContacts(input: $input, clientMutationId: $cm) { id }
  }
`);

const refusal = (err: unknown) =>
  refusalText(err, { CONFLICT: tcm('conflict'), FORBIDDEN: tcm('forbidden'), NOT_FOUND: tcm('notFound'), BAD_USER_INPUT: tcm('badInput') });

export function ContactMerge({ id }: { id: string }) {
  const s = useStore(session);
  useStore(lang);
  const keep = useQueryParam('keep') ?? '';
  const fold = useQueryParam('merge') ?? '';
  const manages = mayMergeContacts(s?.user.role);
  const list = useQuery(AccountContacts, { id }, { skip: !manages });
  const contacts = contactsOf(list.data);
  const [done, setDone] = useState('');
  const go = (k: string, m: string) => {
    setDone('');
    navigate(`/customers/${id}/contacts/merge?keep=${k}&merge=${m}`, true);
  };
  const picker = (value: string, other: string, text: string, pick: (v: string) => void) => (
    <label class="field">
      <span>{text}</span>
      <select value={value} onChange={(e) => pick((e.target as HTMLSelectElement).value)}>
        <option value="">{tcm('choose')}</option>
        {contacts.map((c) => (
          <option key={c.id} value={c.id} disabled={c.id === other}>
            {c.name}
            {c.mobile ? ` · ${c.mobile}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <Header title={tcm('title')} back={`/customers/${id}`} />
      <main class="content">
        {!manages ? (
          <p class="card notice">{tcm('managersOnly')}</p>
        ) : done ? (
          <div class="card">
            <p class="notice" role="status">
              {done}
            </p>
            <div class="btn-row">
              <a class="btn primary" href={`/customers/${id}/timeline`}>
                {tcm('timeline')}
              </a>
              <a class="btn" href={`/customers/${id}/contacts/merge`} onClick={() => setDone('')}>
                {tcm('again')}
              </a>
            </div>
          </div>
        ) : (
          <Query q={list}>
            {() =>
              contacts.length < 2 ? (
                <p class="card notice">{tcm('none')}</p>
              ) : (
                <>
                  <Suggestions contacts={contacts} onPick={go} />
                  {picker(keep, fold, tcm('keep'), (v) => go(v, fold))}
                  {picker(fold, keep, tcm('fold'), (v) => go(keep, v))}
                  {keep && fold && keep === fold && <p class="error">{tcm('same')}</p>}
                  {keep && fold && keep !== fold && (
                    <ContactChoice
                      key={keep + fold}
                      keep={contacts.find((c) => c.id === keep)}
                      fold={contacts.find((c) => c.id === fold)}
                      onDone={(m) => {
                        setDone(m);
                        void list.refetch();
                      }}
                    />
                  )}
                </>
              )
            }
          </Query>
        )}
      </main>
    </>
  );
}

function Suggestions({ contacts, onPick }: { contacts: ContactLike[]; onPick: (keep: string, merge: string) => void }) {
  const pairs = likelyPairs(contacts);
  if (!pairs.length) return null;
  return (
    <section class="card notice" aria-label={tcm('duplicates')}>
      <h2>{tcm('duplicates')}</h2>
      <div class="btn-row">
        {pairs.map((p) => (
          <button type="button" class="btn" key={p.keep.id + p.merge.id} onClick={() => onPick(p.keep.id, p.merge.id)}>
            {tcm('pair', {
              a: p.keep.name,
              b: p.merge.name,
              why: tcm(p.reason),
            })}
          </button>
        ))}
      </div>
    </section>
  );
}

/** The side-by-side choice, the moves, the reason and the confirmation. */
function ContactChoice({ keep, fold, onDone }: { keep?: ContactLike; fold?: ContactLike; onDone: (msg: string) => void }) {
  const q = useQuery(Preview, { s: keep?.id ?? '', m: fold?.id ?? '' }, { skip: !keep || !fold });
  const [picked, setPicked] = useState<Record<string, Side>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [cm] = useState(() => newId());
  if (!keep || !fold) return <p class="error">{tcm('notFound')}</p>;
  const names = { survivor: keep.name, merged: fold.name };
  return (
    <Query q={q}>
      {(d) => {
        const diffs = d.contactMergePreview.fields.filter((f) => f.differs);
        async function submit(e: Event) {
          e.preventDefault();
          if (!confirm(tcm('confirm', names))) return;
          setBusy(true);
          setError('');
          try {
            const choices = diffs.map((f) => ({
              field: f.field,
              side: sideOf(picked, f),
            }));
            await request(MergeContacts, {
              input: {
                survivorID: keep!.id,
                mergedID: fold!.id,
                choices,
                reason: reason.trim() || null,
              },
              cm,
            });
            onDone(tcm('done', names));
          } catch (err) {
            setError(refusal(err));
          } finally {
            setBusy(false);
          }
        }
        const shown = (field: string, v: string | null | undefined) => (!v ? t('empty') : field === 'department' ? label('ContactDepartment', v) : v);
        return (
          <form onSubmit={submit}>
            <p>{tcm('explain', names)}</p>
            <FieldChoices diffs={diffs} picked={picked} onPick={setPicked} names={contactFieldNames} sides={[tcm('kept'), tcm('merged')]} shown={shown} />
            <Moves title={tcm('moves')} moves={d.contactMergePreview.moves} />
            <ReasonAndMerge reason={reason} onReason={setReason} hint={tcm('reasonHint')} error={error} busy={busy} action={tcm('merge')} />
          </form>
        );
      }}
    </Query>
  );
}
