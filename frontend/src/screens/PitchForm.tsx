// An entry point on the phone (切入点 / 我方优势): the way into the account — a person, a
// product, technology, payment terms — the advantages of ours to stress, how we go in,
// and whether it is still the way. A new one goes through the offline queue; changing
// one is an online write with the version read.
import { useEffect, useState } from 'preact/hooks';
import { graphql, type VariablesOf } from '../graphql';
import { newId, online, request } from '../lib/api';
import { useQuery } from '../lib/query';
import { enqueueAndWait } from '../lib/queueSend';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { ChoiceChips, MultiChips } from '../ui/ChoiceChips';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { accountName } from './AccountTabs';
import { ConflictBox, TextField, focusFirst, problemOf } from './fieldForm';
import { ADVANTAGES, ENTRY_POINTS, blankPitch, pitchCreateInput, pitchEditInput, pitchErrors, type PitchFields } from './fieldLogic';
import { advantageName, tf } from './field.i18n';

const FIELDS = ['entryPoint', 'advantages', 'detail'] as const;

const PitchAccount = graphql(`
  query PitchAccount($id: ID!) { node(id: $id) { id ... on Customer { name } } }
`);

const PitchToEdit = graphql(`
  query PitchToEdit($id: ID!) { node(id: $id) { id ... on Pitch { entryPoint advantages detail active version } } }
`);

const UpdatePitch = graphql(`
  mutation UpdatePitch($id: ID!, $input: UpdatePitchInput!) {
    updatePitch(id: $id, input: $input) { id entryPoint advantages detail active version }
  }
`);

type Theirs = { entryPoint: string; advantages?: readonly string[] | null; detail?: string | null; active: boolean; version: number };

const fieldsOf = (p: Theirs): PitchFields => ({ entryPoint: p.entryPoint, advantages: [...(p.advantages ?? [])], detail: p.detail ?? '', active: p.active });

function summary(p: Theirs): string {
  return [label('PitchEntryPoint', p.entryPoint), (p.advantages ?? []).map(advantageName).join('、'), p.active ? '' : tf('inactive')].filter(Boolean).join(' · ');
}

export function PitchForm({ id, pid }: { id: string; pid?: string }) {
  const on = useStore(online);
  const name = accountName(useQuery(PitchAccount, { id }).data);
  const current = useQuery(PitchToEdit, { id: pid ?? '' }, { skip: !pid });
  const [f, setF] = useState<PitchFields>(blankPitch);
  const [version, setVersion] = useState<number | null>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [formErr, setFormErr] = useState('');
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const [cmid, setCmid] = useState(newId);
  useEffect(() => {
    const p = current.data?.node;
    if (!p || !('version' in p) || version != null) return;
    setF(fieldsOf(p));
    setVersion(p.version);
  }, [current.data]);

  async function failed(x: unknown) {
    const p = problemOf(x, FIELDS);
    setErrs(p.errs);
    setFormErr(p.form);
    focusFirst(p.errs, FIELDS);
    if (!p.conflict) return;
    try {
      const d = await request(PitchToEdit, { id: pid! });
      if (d.node && 'version' in d.node) setTheirs(d.node);
      else setFormErr(tf('notFound'));
    } catch (e) {
      setFormErr(problemOf(e, FIELDS).form);
    }
  }

  async function save(e?: Event, over?: number) {
    e?.preventDefault();
    if (busy) return;
    const found = pitchErrors(f);
    const texts: Record<string, string> = found.entryPoint ? { entryPoint: tf(found.entryPoint) } : {};
    setErrs(texts);
    setFormErr(found.entryPoint ? tf('needEntry') : '');
    if (found.entryPoint) return focusFirst(texts, FIELDS);
    setBusy(true);
    setTheirs(null);
    try {
      if (pid) {
        const r = await request(UpdatePitch, { id: pid, input: pitchEditInput(f, over ?? version!) as VariablesOf<typeof UpdatePitch>['input'] });
        setVersion(r.updatePitch.version);
        return setSaved('online');
      }
      const out = await enqueueAndWait({
        id: cmid,
        kind: 'pitch',
        label: `${tf('newPitch')} — ${label('PitchEntryPoint', f.entryPoint)}`,
        customerID: id,
        vars: { input: pitchCreateInput(f, id) },
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

  const title = pid ? tf('editPitch') : tf('newPitch');
  return (
    <>
      <Header title={name ? `${title} · ${name}` : title} back={`/customers/${id}`} />
      <main class="content">
        {saved ? (
          <SavedCard saved={saved} online={pid ? tf('changesSaved') : tf('pitchSaved')} offline={tf('pitchQueued')}>
            <div class="btn-row">
              <a class="btn primary" href={`/customers/${id}`}>
                {tf('backToAccount')}
              </a>
              {!pid && (
                <button type="button" class="btn" onClick={() => (setF(blankPitch), setCmid(newId()), setSaved(null))}>
                  {tf('another')}
                </button>
              )}
            </div>
          </SavedCard>
        ) : pid && version == null ? (
          <Query q={current}>{() => null}</Query>
        ) : (
          <form onSubmit={(e) => void save(e)} noValidate>
            {pid && !on && (
              <p class="stale" role="status">
                {tf('editOnline')}
              </p>
            )}
            <div id="f-entryPoint" tabIndex={-1} aria-describedby={errs.entryPoint ? 'entryPoint-err' : undefined}>
              <ChoiceChips legend={tf('entryPoint')} values={ENTRY_POINTS} enumName="PitchEntryPoint" value={f.entryPoint} onPick={(v) => setF({ ...f, entryPoint: v })} />
              {errs.entryPoint && (
                <p class="field-error" id="entryPoint-err">
                  {errs.entryPoint}
                </p>
              )}
            </div>
            <MultiChips
              legend={tf('advantages')}
              values={ADVANTAGES}
              labelOf={advantageName}
              value={f.advantages}
              onChange={(v) => setF({ ...f, advantages: v })}
              describedBy={errs.advantages ? 'advantages-err' : undefined}
            />
            {errs.advantages && (
              <p class="field-error" id="advantages-err">
                {errs.advantages}
              </p>
            )}
            <TextField name="detail" label={tf('detail')} value={f.detail} onInput={(v) => setF({ ...f, detail: v })} rows={3} />
            <div class="field">
              <label class="check">
                <input type="checkbox" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
                {tf('active')}
              </label>
            </div>
            {theirs && (
              <ConflictBox
                text={tf('conflict', { theirs: summary(theirs) })}
                onLoadTheirs={() => (setF(fieldsOf(theirs)), setVersion(theirs.version), setTheirs(null))}
                onOverwrite={() => (setVersion(theirs.version), void save(undefined, theirs.version))}
              />
            )}
            <FormStatus err={formErr} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {tf('savePitch')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
