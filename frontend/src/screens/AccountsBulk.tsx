// The accounts list's bulk change for managers: give the selected accounts to another
// rep, with a reason and a confirmation; their open tasks follow (reassignAccounts, one
// call per current owner). The server refuses a rep outside the manager's team.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { request } from '../lib/api';
import { useQuery } from '../lib/query';
import { errorText } from '../ui/feedback';
import { tb } from './merge.i18n';

const Reps = graphql(`
  query BulkReps {
    users(first: 100, where: { roleIn: [REP, MANAGER] }) { edges { node { id name } } }
  }
`);

const Reassign = graphql(`
  mutation ReassignAccounts($input: ReassignAccountsInput!) {
    reassignAccounts(input: $input) { count tasksMoved }
  }
`);

/** selected: account ID → its owner's ID. */
export function AccountsBulk({ selected, onDone }: { selected: Record<string, string>; onDone: () => void }) {
  const reps = useQuery(Reps, {});
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
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
  return (
    <form class="card" onSubmit={submit} aria-label={tb('to')}>
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
    </form>
  );
}
