// The accounts list's bulk change for managers: give the selected accounts to another
// rep, with a reason and a confirmation; their open tasks follow (reassignAccounts, one
// call per current owner). The server refuses a rep outside the manager's team.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { request } from '../lib/api';
import { lang } from '../lib/i18n';
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
  const [rows, setRows] = useState<{ id: string; moved: boolean; message?: string | null }[]>([]);
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
      setRows(d.bulkSetStage.map((r) => ({ id: r.customerID, moved: r.moved, message: r.message })));
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
      {rows.length > 0 && (
        <ul class="plain-list" role="status">
          {rows.map((r) => (
            <li key={r.id}>
              {r.moved ? tb('moved') : tb('refused')}: {names[r.id] ?? r.id}
              {r.message && lang.get() === 'en' ? ` — ${r.message}` : ''}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
