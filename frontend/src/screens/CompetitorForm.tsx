// A competitor on the phone (竞争对手): who else supplies the customer, their product,
// their price against ours and their share. A new one goes through the offline queue
// (sent once, whatever the network does) and shows on the account at once; changing or
// deleting one is an online write with the version read (a change made meanwhile by
// someone else is shown, to keep theirs or save over it).
import { useEffect, useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { newId, online, request } from '../lib/api';
import { formatNumber } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { enqueueAndWait } from '../lib/queueSend';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { ChoiceChips } from '../ui/ChoiceChips';
import { Confirm } from '../ui/Confirm';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { accountName } from './AccountTabs';
import { ConflictBox, TextField, focusFirst, problemOf } from './fieldForm';
import { blankCompetitor, competitorCreateInput, competitorEditInput, competitorErrors, competitorFieldsOf, type CompetitorFields } from './fieldLogic';
import { tf } from './field.i18n';

const PRICES = ['HIGHER', 'SIMILAR', 'LOWER', 'UNKNOWN'] as const;
const FIELDS = ['name', 'product', 'share', 'notes'] as const;

const CompetitorAccount = graphql(`
  query CompetitorAccount($id: ID!) { node(id: $id) { id ... on Customer { name } } }
`);

const CompetitorToEdit = graphql(`
  query CompetitorToEdit($id: ID!) { node(id: $id) { id ... on Competitor { name product pricePosition sharePercent notes version } } }
`);

const UpdateCompetitor = graphql(`
  mutation UpdateCompetitor($id: ID!, $input: UpdateCompetitorInput!) {
    updateCompetitor(id: $id, input: $input) { id name product pricePosition sharePercent notes version }
  }
`);

const DeleteCompetitor = graphql(`
  mutation DeleteCompetitor($id: ID!, $version: Int) { deleteCompetitor(id: $id, version: $version) { deletedID } }
`);

type Theirs = { name: string; product?: string | null; pricePosition: string; sharePercent?: number | null; notes?: string | null; version: number };

/** What the server holds, in one line (the conflict message). */
function summary(c: Theirs): string {
  return [c.name, c.product, label('CompetitorPricePosition', c.pricePosition), c.sharePercent != null ? tf('shareIs', { n: formatNumber(c.sharePercent, 1) }) : '']
    .filter(Boolean)
    .join(' · ');
}

export function CompetitorForm({ id, cid }: { id: string; cid?: string }) {
  const on = useStore(online);
  const name = accountName(useQuery(CompetitorAccount, { id }).data);
  const current = useQuery(CompetitorToEdit, { id: cid ?? '' }, { skip: !cid });
  const [f, setF] = useState<CompetitorFields>(blankCompetitor);
  const [version, setVersion] = useState<number | null>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [formErr, setFormErr] = useState('');
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const [deleted, setDeleted] = useState('');
  const [cmid, setCmid] = useState(newId);
  // The competitor as read, once: the form then holds the rep's edits.
  useEffect(() => {
    const c = current.data?.node;
    if (!c || !('version' in c) || version != null) return;
    setF(competitorFieldsOf(c));
    setVersion(c.version);
  }, [current.data]);

  const set = (k: keyof CompetitorFields) => (v: string) => setF({ ...f, [k]: v });

  async function failed(x: unknown) {
    const p = problemOf(x, FIELDS);
    setErrs(p.errs);
    setFormErr(p.form);
    focusFirst(p.errs, FIELDS);
    if (p.conflict) {
      try {
        const d = await request(CompetitorToEdit, { id: cid! });
        const c = d.node && 'version' in d.node ? d.node : null;
        if (c) setTheirs(c);
        else setFormErr(tf('notFound'));
      } catch (e) {
        setFormErr(problemOf(e, FIELDS).form);
      }
    }
  }

  async function save(e?: Event, over?: number) {
    e?.preventDefault();
    if (busy) return;
    const found = competitorErrors(f);
    const texts: Record<string, string> = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, tf(v!)]));
    setErrs(texts);
    setFormErr(Object.keys(texts).length ? tf('fixErrors') : '');
    if (Object.keys(texts).length) return focusFirst(texts, FIELDS);
    setBusy(true);
    setTheirs(null);
    try {
      if (cid) {
        const r = await request(UpdateCompetitor, { id: cid, input: competitorEditInput(f, over ?? version!) as VariablesOf<typeof UpdateCompetitor>['input'] });
        setVersion(r.updateCompetitor.version);
        setSaved('online');
        return;
      }
      const out = await enqueueAndWait({
        id: cmid,
        kind: 'competitor',
        label: `${tf('newCompetitor')} — ${f.name.trim()}`,
        customerID: id,
        vars: { input: competitorCreateInput(f, id) },
      });
      if (out.state === 'refused') {
        setCmid(newId());
        return void (await failed(out.error));
      }
      setSaved(out.state === 'sent' ? 'online' : 'offline');
    } catch (x) {
      await failed(x);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await request(DeleteCompetitor, { id: cid!, version });
      setDeleted(f.name);
    } catch (x) {
      await failed(x);
    }
  }

  const title = cid ? tf('editCompetitor') : tf('newCompetitor');
  const back = (
    <a class="btn primary" href={`/customers/${id}`}>
      {tf('backToAccount')}
    </a>
  );
  return (
    <>
      <Header title={name ? `${title} · ${name}` : title} back={`/customers/${id}`} />
      <main class="content">
        {deleted ? (
          <div class="card">
            <p class="notice" role="status">
              {tf('deleted', { name: deleted })}
            </p>
            {back}
          </div>
        ) : saved ? (
          <SavedCard saved={saved} online={cid ? tf('changesSaved') : tf('competitorSaved')} offline={tf('competitorQueued')}>
            <div class="btn-row">
              {back}
              {!cid && (
                <button type="button" class="btn" onClick={() => (setF(blankCompetitor), setCmid(newId()), setSaved(null))}>
                  {tf('another')}
                </button>
              )}
            </div>
          </SavedCard>
        ) : cid && version == null ? (
          <Query q={current}>{() => null}</Query>
        ) : (
          <form onSubmit={(e) => void save(e)} noValidate>
            {cid && !on && (
              <p class="stale" role="status">
                {tf('editOnline')}
              </p>
            )}
            <TextField name="name" label={tf('name')} value={f.name} onInput={set('name')} error={errs.name} maxLength={200} required />
            <TextField name="product" label={tf('product')} value={f.product} onInput={set('product')} error={errs.product} maxLength={200} />
            <ChoiceChips legend={tf('pricePosition')} values={PRICES} enumName="CompetitorPricePosition" value={f.pricePosition} onPick={(v) => setF({ ...f, pricePosition: v })} />
            <TextField name="share" label={tf('share')} value={f.share} onInput={set('share')} error={errs.share} hint={tf('shareHint')} inputMode="decimal" />
            <TextField name="notes" label={tf('notes')} value={f.notes} onInput={set('notes')} rows={3} />
            {theirs && (
              <ConflictBox
                text={tf('conflict', { theirs: summary(theirs) })}
                onLoadTheirs={() => (setF(competitorFieldsOf(theirs)), setVersion(theirs.version), setTheirs(null))}
                onOverwrite={() => (setVersion(theirs.version), void save(undefined, theirs.version))}
              />
            )}
            <FormStatus err={formErr} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {tf('saveCompetitor')}
            </button>
            {cid && (
              <div style={{ marginTop: '24px' }}>
                <Confirm
                  label={tf('deleteCompetitor')}
                  question={tf('deleteQuestion', { name: f.name.trim() })}
                  yes={tf('deleteYes')}
                  no={tf('keep')}
                  busyLabel={tf('deleting')}
                  onYes={remove}
                  block
                />
              </div>
            )}
          </form>
        )}
      </main>
    </>
  );
}
