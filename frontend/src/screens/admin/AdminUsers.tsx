// Users: list with filters and search; add a user (a temporary password is shown
// once); change role and team; reset a password; deactivate and reactivate.
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { label } from '../../i18n/enums';
import { request, session } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useDebounced } from '../../lib/hooks';
import { useQuery } from '../../lib/query';
import { Badge, Empty, Query } from '../../ui/bits';
import { LoadMore, useMore } from '../../ui/LoadMore';
import { FormStatus } from '../../ui/FormStatus';
import { Header } from '../../ui/Layout';
import { t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { type UserFilter, userWhere } from './filters';
import { Confirm, SecretOnce, Select, errText } from './parts';

const UsersQuery = graphql(`
  query AdminUsers($where: UserWhereInput, $after: Cursor) {
    users(first: 50, after: $after, where: $where, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id version name email role function locale active mustChangePassword teamID team { id name } } }
    }
  }
`);
const TeamsQuery = graphql(`
  query AdminUserTeams { teams(first: 100, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }
`);
const Invite = graphql(`
  mutation InviteUser($in: CreateUserInput!) { inviteUser(input: $in) { temporaryPassword user { id email } } }
`);
const Update = graphql(`
  mutation AdminUpdateUser($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { id version } }
`);
const Reset = graphql(`
  mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { id email } } }
`);

const roles = ['ADMIN', 'MANAGER', 'REP', 'ANALYST'];
type Team = { id: string; name: string };
type U = { id: string; version: number; name: string; email: string; role: string; active: boolean; mustChangePassword: boolean; teamID?: string | null; team?: Team | null };
type Shown = { email: string; secret: string } | null;

function TeamOptions({ teams }: { teams: Team[] }) {
  return (
    <>
      <option value="">{t('noTeam')}</option>
      {teams.map((tm) => (
        <option key={tm.id} value={tm.id}>
          {tm.name}
        </option>
      ))}
    </>
  );
}

function InviteForm({ teams, onShown }: { teams: Team[]; onShown: (s: Shown) => void }) {
  const [f, setF] = useState({ name: '', email: '', role: 'REP', teamID: '', function: 'SALES', locale: 'zh' });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      const d = await request(Invite, { in: { ...f, teamID: f.teamID || null } as never });
      onShown({ email: d.inviteUser.user.email, secret: d.inviteUser.temporaryPassword });
    } catch (x) {
      setErr(errText(x));
    } finally {
      setBusy(false);
    }
  }
  const text = (k: 'name' | 'email', type = 'text') => (
    <label class="field">
      <span>{t(k)}</span>
      <input type={type} name={k} value={f[k]} onInput={(e) => setF({ ...f, [k]: e.currentTarget.value })} required />
    </label>
  );
  return (
    <form class="card" onSubmit={(e) => void submit(e)}>
      {text('name')}
      {text('email', 'email')}
      <Select label={t('role')} value={f.role} onChange={(v) => setF({ ...f, role: v })}>
        {roles.map((r) => (
          <option key={r} value={r}>{label('UserRole', r)}</option>
        ))}
      </Select>
      <Select label={t('team')} value={f.teamID} onChange={(v) => setF({ ...f, teamID: v })}>
        <TeamOptions teams={teams} />
      </Select>
      {!f.teamID && (f.role === 'REP' || f.role === 'MANAGER') && (
        <p class="notice small" role="note">
          {teams.length ? t('noTeamWarning') : t('noTeamsYet')}
        </p>
      )}
      <Select label={t('func')} value={f.function} onChange={(v) => setF({ ...f, function: v })}>
        {['SALES', 'TECHNICAL', 'MANAGEMENT', 'SUPPORT'].map((r) => (
          <option key={r} value={r}>{label('UserFunction', r)}</option>
        ))}
      </Select>
      <Select label={t('locale')} value={f.locale} onChange={(v) => setF({ ...f, locale: v })}>
        <option value="zh">中文</option>
        <option value="en">English</option>
      </Select>
      <FormStatus err={err} />
      <button class="btn primary block" type="submit" disabled={busy || !f.name || !f.email}>
        {busy ? t('inviting') : t('invite')}
      </button>
    </form>
  );
}

function UserRow({ u, teams, onChanged, onShown }: { u: U; teams: Team[]; onChanged: () => void; onShown: (s: Shown) => void }) {
  const me = useStore(session)?.user.id;
  const [editing, setEditing] = useState(false);
  const [f, setF] = useState({ role: u.role, teamID: u.teamID ?? '' });
  const [err, setErr] = useState('');
  async function run(fn: () => Promise<void>) {
    setErr('');
    try {
      await fn();
      setEditing(false);
      onChanged();
    } catch (x) {
      setErr(errText(x));
    }
  }
  const update = (input: Record<string, unknown>) => run(async () => void (await request(Update, { id: u.id, in: { version: u.version, ...input } as never })));
  const save = () => update(f.teamID ? { role: f.role, teamID: f.teamID } : { role: f.role, clearTeam: true });
  const reset = () =>
    run(async () => {
      const d = await request(Reset, { id: u.id });
      onShown({ email: d.resetUserPassword.user.email, secret: d.resetUserPassword.temporaryPassword });
    });
  return (
    <li class="card" data-user={u.email}>
      <h2 class="card-title">
        {u.name} {!u.active && <Badge tone="bad">{t('inactive')}</Badge>} {u.mustChangePassword && <Badge tone="warn">{t('mustChange')}</Badge>}
      </h2>
      <p class="muted small">
        {u.email} · {label('UserRole', u.role)} · {u.team?.name ?? t('noTeam')}
      </p>
      {editing ? (
        <div>
          <Select label={t('role')} value={f.role} onChange={(v) => setF({ ...f, role: v })}>
            {roles.map((r) => (
              <option key={r} value={r}>{label('UserRole', r)}</option>
            ))}
          </Select>
          <Select label={t('team')} value={f.teamID} onChange={(v) => setF({ ...f, teamID: v })}>
            <TeamOptions teams={teams} />
          </Select>
          <div class="btn-row">
            <button type="button" class="btn primary" onClick={() => void save()}>{t('save')}</button>
            <button type="button" class="btn" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
        </div>
      ) : (
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => setEditing(true)}>{t('edit')}</button>
          <Confirm label={t('reset')} question={t('resetConfirm', { name: u.name })} yes={t('yesReset')} onYes={() => void reset()} />
          {u.active ? (
            <Confirm
              label={t('deactivate')}
              question={u.id === me ? t('deactivateSelf') : t('deactivateConfirm', { name: u.name })}
              yes={t('yesDeactivate')}
              onYes={() => void update({ active: false })}
            />
          ) : (
            <button type="button" class="btn" onClick={() => void update({ active: true })}>{t('reactivate')}</button>
          )}
        </div>
      )}
      <FormStatus err={err} />
    </li>
  );
}

export function AdminUsers() {
  const [filter, setFilter] = useState<UserFilter>({ q: '', role: '', team: '', status: '' });
  const where = userWhere({ ...filter, q: useDebounced(filter.q, 250) });
  const vars = { where: where as never, after: null };
  const q = useQuery(UsersQuery, vars, { keep: false });
  const more = useMore(UsersQuery, vars, q, (d) => ({
    items: (d.users.edges ?? []).flatMap((e) => (e?.node ? [e.node as U] : [])),
    hasNext: d.users.pageInfo.hasNextPage,
    end: d.users.pageInfo.endCursor,
  }));
  const teamsQ = useQuery(TeamsQuery, {}, { keep: false });
  const teams = (teamsQ.data?.teams.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const onShown = (s: Shown) => {
    setShown(s);
    setAdding(false);
    refetch();
  };
  const refetch = () => void q.refetch();
  return (
    <>
      <Header title={t('users')} back="/admin" />
      <main class="content">
        <AdminOnly>
          {shown && <SecretOnce title={t('tempShown', { email: shown.email })} secret={shown.secret} onDone={() => setShown(null)} />}
          <button type="button" class="btn primary block" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('invite')}
          </button>
          {adding && <InviteForm teams={teams} onShown={onShown} />}
          <div class="filters">
            <label class="field">
              <span>{t('search')}</span>
              <input type="search" value={filter.q} onInput={(e) => setFilter({ ...filter, q: e.currentTarget.value })} />
            </label>
            <Select label={t('role')} value={filter.role} onChange={(v) => setFilter({ ...filter, role: v })}>
              <option value="">{t('any')}</option>
              {roles.map((r) => (
                <option key={r} value={r}>{label('UserRole', r)}</option>
              ))}
            </Select>
            <Select label={t('team')} value={filter.team} onChange={(v) => setFilter({ ...filter, team: v })}>
              <option value="">{t('any')}</option>
              <option value="-">{t('noTeam')}</option>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>{tm.name}</option>
              ))}
            </Select>
            <Select label={t('status')} value={filter.status} onChange={(v) => setFilter({ ...filter, status: v })}>
              <option value="">{t('any')}</option>
              <option value="active">{t('active')}</option>
              <option value="inactive">{t('inactive')}</option>
            </Select>
          </div>
          <Query q={q}>
            {(d) => {
              const users = more.items;
              return (
                <>
                  {users.length ? (
                    <>
                      <p class="muted small">{t('total', { n: d.users.totalCount })}</p>
                      <ul class="plain-list">
                        {users.map((u) => (
                          <UserRow key={u.id + u.version} u={u} teams={teams} onChanged={refetch} onShown={onShown} />
                        ))}
                      </ul>
                    </>
                  ) : (
                    <Empty>{t('noUsers')}</Empty>
                  )}
                  <LoadMore more={more} />
                </>
              );
            }}
          </Query>
        </AdminOnly>
      </main>
    </>
  );
}
