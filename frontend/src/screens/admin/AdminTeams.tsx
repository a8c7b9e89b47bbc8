// Teams: the list with member counts, a new team, a rename (version-checked: a stale
// rename is refused with CONFLICT and the list reloads).
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { request } from '../../lib/api';
import { useQuery } from '../../lib/query';
import { Empty, Query } from '../../ui/bits';
import { FormStatus } from '../../ui/FormStatus';
import { Header } from '../../ui/Layout';
import { t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { errText } from './parts';

const TeamsQuery = graphql(`
  query AdminTeams {
    teams(first: 100, orderBy: { field: NAME, direction: ASC }) { edges { node { id version name members(first: 1) { totalCount } } } }
  }
`);
const Create = graphql(`
  mutation AdminCreateTeam($in: CreateTeamInput!, $cmid: String) { createTeam(input: $in, clientMutationId: $cmid) { id } }
`);
const Rename = graphql(`
  mutation AdminRenameTeam($id: ID!, $in: UpdateTeamInput!) { updateTeam(id: $id, input: $in) { id version name } }
`);

type Team = { id: string; version: number; name: string; members: { totalCount: number } };

function TeamRow({ tm, onChanged }: { tm: Team; onChanged: () => void }) {
  const [name, setName] = useState<string | null>(null);
  const [err, setErr] = useState('');
  async function save(e: Event) {
    e.preventDefault();
    setErr('');
    try {
      await request(Rename, { id: tm.id, in: { version: tm.version, name: name ?? tm.name } });
      setName(null);
      onChanged();
    } catch (x) {
      setErr(errText(x));
    }
  }
  return (
    <li class="card">
      {name === null ? (
        <>
          <h2 class="card-title">{tm.name}</h2>
          <p class="muted small">{t('members', { n: tm.members.totalCount })}</p>
          <button type="button" class="btn" onClick={() => setName(tm.name)}>
            {t('rename')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void save(e)}>
          <label class="field">
            <span>{t('name')}</span>
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
          </label>
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={!name.trim()}>{t('save')}</button>
            <button type="button" class="btn" onClick={() => setName(null)}>{t('cancel')}</button>
          </div>
        </form>
      )}
      <FormStatus err={err} />
    </li>
  );
}

export function AdminTeams() {
  const q = useQuery(TeamsQuery, {}, { keep: false });
  const [name, setName] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  async function add(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      await request(Create, { in: { name: name.trim() }, cmid: crypto.randomUUID?.() ?? null });
      setName('');
      await q.refetch();
    } catch (x) {
      setErr(errText(x));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Header title={t('teams')} back="/admin" />
      <main class="content">
        <AdminOnly>
          <form class="card" onSubmit={(e) => void add(e)}>
            <label class="field">
              <span>{t('newTeam')}</span>
              <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
            </label>
            <FormStatus err={err} />
            <button type="submit" class="btn primary block" disabled={busy || !name.trim()}>{t('addTeam')}</button>
          </form>
          <Query q={q}>
            {(d) => {
              const teams = (d.teams.edges ?? []).flatMap((x) => (x?.node ? [x.node as Team] : []));
              return teams.length ? (
                <ul class="plain-list">
                  {teams.map((tm) => (
                    <TeamRow key={tm.id + tm.version} tm={tm} onChanged={() => void q.refetch()} />
                  ))}
                </ul>
              ) : (
                <Empty>{t('noTeams')}</Empty>
              );
            }}
          </Query>
        </AdminOnly>
      </main>
    </>
  );
}
