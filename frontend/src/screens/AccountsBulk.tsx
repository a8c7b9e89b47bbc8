// The accounts list's bulk change for managers: give the selected accounts to another
// rep, with a reason and a confirmation; their open tasks follow (reassignAccounts, one
// call per current owner). The server refuses a rep outside the manager's team. Also:
// move their stage, or set one classification rating (the tier follows the rules; it
// is never set by hand); each account is reported changed or refused, the refusal in
// the app's language (the server words it).
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { request } from '../lib/api';
import { useQuery } from '../lib/query';
import { label } from '../i18n/enums';
import { errorText } from '../ui/feedback';
import { tb } from './merge.i18n';

const Reps = graphql(`
  query BulkReps {
    users(first: 100, where: { roleIn: [REP, MANAGER] }) { edges { node { id name } } }
  }
`);

const BulkStage = graphql(`
  mutation BulkSetStage($input: BulkSetStageInput!) {
    bulkSetStage(input: $input) { customerID moved message customer { id name } }
  }
`);

const stages = ['PROSPECT', 'CONTACTED', 'VISITED', 'SAMPLING', 'TRIAL', 'EVALUATION', 'MAIN_SUPPLIER', 'PARTNER', 'DORMANT', 'LOST'] as const;

const BulkRating = graphql(`
  mutation BulkSetRating($input: BulkSetRatingInput!) {
    bulkSetRating(input: $input) { customerID set message customer { id name tier } }
  }
`);

const ratings = ['SCALE', 'TECHNICAL_LEVEL', 'CREDIT', 'DEMAND', 'EASE_OF_CLOSING'] as const;

type Row = { id: string; moved: boolean; message?: string | null; note?: string; done?: string; name?: string };

const Reassign = graphql(`
  mutation ReassignAccounts($input: ReassignAccountsInput!) {
    reassignAccounts(input: $input) { count tasksMoved }
  }
`);

/** selected: account ID → its owner's ID. */
export function AccountsBulk({ selected, names, onDone }: { selected: Record<string, string>; names: Record<string, string>; onDone: () => void }) {
  const reps = useQuery(Reps, {});
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
  const [stage, setStage] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [rating, setRating] = useState('');
  const [value, setValue] = useState('');
  const ids = Object.keys(selected);
  const people = (reps.data?.users.edges ?? []).map((e) => e!.node!);
  async function submit(e: Event) {
    e.preventDefault();
    if (!to || !reason.trim()) {
      setError(tb('needAll'));
      return;
    }
    const name = people.find((p) => p.id === to)?.name ?? '';
    if (!confirm(tb('confirm', { n: ids.length, name }))) return;
    setBusy(true);
    setError('');
    setResult('');
    const byOwner: Record<string, string[]> = {};
    for (const id of ids) (byOwner[selected[id]] ??= []).push(id);
    let n = 0;
    let tasks = 0;
    try {
      for (const [from, customerIDs] of Object.entries(byOwner)) {
        if (from === to) continue;
        const d = await request(Reassign, { input: { fromUserID: from, toUserID: to, customerIDs, reason: reason.trim() } });
        n += d.reassignAccounts.count;
        tasks += d.reassignAccounts.tasksMoved;
      }
      setResult(tb('result', { n, tasks }));
      onDone();
    } catch (err) {
      setError(errorText(err, ''));
    } finally {
      setBusy(false);
    }
  }
  async function moveStage() {
    if (!stage || !reason.trim()) {
      setError(tb('needStage'));
      return;
    }
    if (!confirm(tb('confirmStage', { n: ids.length, stage: label('CustomerStage', stage) }))) return;
    setBusy(true);
    setError('');
    setRows([]);
    try {
      const d = await request(BulkStage, { input: { customerIDs: ids, stage: stage as never, reason: reason.trim() } });
      setRows(d.bulkSetStage.map((r) => ({ id: r.customerID, moved: r.moved, message: r.message, name: r.customer?.name ?? names[r.customerID] })));
      onDone();
    } catch (err) {
      setError(errorText(err, ''));
    } finally {
      setBusy(false);
    }
  }
  async function setRatings() {
    if (!rating || !value || !reason.trim()) {
      setError(tb('needRating'));
      return;
    }
    if (!confirm(tb('confirmRating', { n: ids.length, rating: label('AccountChangeRating', rating), value }))) return;
    setBusy(true);
    setError('');
    setRows([]);
    try {
      const d = await request(BulkRating, { input: { customerIDs: ids, rating: rating as never, value: Number(value), reason: reason.trim() } });
      setRows(
        d.bulkSetRating.map((r) => ({
          id: r.customerID,
          moved: r.set,
          name: r.customer?.name ?? names[r.customerID],
          done: tb('changed'),
          message: r.message,
          note: r.set ? (r.customer?.tier ? tb('ratingSet', { tier: label('CustomerTier', r.customer.tier) }) : tb('noTier')) : undefined,
        })),
      );
      onDone();
    } catch (err) {
      setError(errorText(err, ''));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card" onSubmit={submit}>
      <p class="muted small" aria-live="polite">
        {tb('selected', { n: ids.length })}
      </p>
      <label class="field">
        <span>{tb('to')}</span>
        <select value={to} onChange={(e) => setTo((e.target as HTMLSelectElement).value)}>
          <option value="">{tb('choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{tb('reason')}</span>
        <textarea rows={2} placeholder={tb('reasonHint')} value={reason} maxLength={500} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p class="notice" role="status">
          {result}
        </p>
      )}
      <button type="submit" class="btn primary block" disabled={busy || ids.length === 0}>
        {tb('reassign', { n: ids.length })}
      </button>
      <label class="field">
        <span>{tb('stageTo')}</span>
        <select value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value)}>
          <option value="">{tb('chooseStage')}</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {label('CustomerStage', s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="btn block" disabled={busy || ids.length === 0} onClick={() => void moveStage()}>
        {tb('move', { n: ids.length })}
      </button>
      <label class="field">
        <span>{tb('ratingTo')}</span>
        <select value={rating} onChange={(e) => setRating((e.target as HTMLSelectElement).value)}>
          <option value="">{tb('chooseRating')}</option>
          {ratings.map((r) => (
            <option key={r} value={r}>
              {label('AccountChangeRating', r)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{tb('value')}</span>
        <select value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
          <option value="">–</option>
          {[1, 2, 3, 4, 5].map((v) => (
            <option key={v} value={String(v)}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="btn block" disabled={busy || ids.length === 0} onClick={() => void setRatings()}>
        {tb('setRating', { n: ids.length })}
      </button>
      {rows.length > 0 && (
        <div role="status">
          <ul class="plain-list">
            {rows.map((r) => (
              <li key={r.id}>
                {r.moved ? (r.done ?? tb('moved')) : tb('refused')}: {names[r.id] ?? r.name ?? r.id}
                {r.note ? ` — ${r.note}` : r.message ? ` — ${r.message}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
