// Partner tokens: the list (organisation, name, scopes, created, last used, expiry,
// revoked); issue one (the token is shown once), rotate (the new one shown once),
// revoke with confirmation.
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { request } from '../../lib/api';
import { formatDate } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { Badge, Empty, Query } from '../../ui/bits';
import { FormStatus } from '../../ui/FormStatus';
import { Header } from '../../ui/Layout';
import { coded, t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { CustomerPicker } from './CustomerPicker';
import { toggled } from './filters';
import { Confirm, SecretOnce, errText } from './parts';

const TokensQuery = graphql(`
  query AdminTokens {
    apiTokens(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges { node { id name scopes lastEight createdAt lastUsedAt expiresAt revokedAt customer { id name } } }
    }
  }
`);
const Issue = graphql(`
  mutation AdminIssueToken($in: IssueAPITokenInput!) { issueAPIToken(input: $in) { token apiToken { id name } } }
`);
const Rotate = graphql(`
  mutation AdminRotateToken($id: ID!) { rotateAPIToken(id: $id) { token apiToken { id name } } }
`);
const Revoke = graphql(`
  mutation AdminRevokeToken($id: ID!) { revokeAPIToken(id: $id) { id revokedAt } }
`);

const scopes = ['orders:read', 'documents:read', 'samples:read', 'issues:read', 'issues:write', 'change_notices:read', 'change_notices:write', 'webhooks:manage'];
type Shown = { name: string; secret: string } | null;

function IssueForm({ onShown }: { onShown: (s: Shown) => void }) {
  const [f, setF] = useState({ customerID: '', name: '', scopes: [] as string[], expires: '' });
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      const d = await request(Issue, {
        in: { customerID: f.customerID, name: f.name, scopes: f.scopes, expiresAt: f.expires ? f.expires + 'T23:59:59Z' : null },
      });
      onShown({ name: d.issueAPIToken.apiToken.name, secret: d.issueAPIToken.token });
    } catch (x) {
      setErr(errText(x));
    } finally {
      setBusy(false);
    }
  }
  const toggle = (s: string) => setF({ ...f, scopes: toggled(f.scopes, s) });
  return (
    <form class="card" onSubmit={(e) => void submit(e)}>
      <CustomerPicker value={f.customerID} onChange={(id) => setF({ ...f, customerID: id })} />
      <label class="field">
        <span>{t('tokenName')}</span>
        <input value={f.name} onInput={(e) => setF({ ...f, name: e.currentTarget.value })} required />
      </label>
      <fieldset class="field">
        <legend>{t('scopes')}</legend>
        {scopes.map((s) => (
          <label key={s} class="check">
            <input type="checkbox" checked={f.scopes.includes(s)} onChange={() => toggle(s)} />
            <span>
              {coded('sc', s)} <code class="muted small">{s}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('expires')}</span>
        <input type="date" value={f.expires} onInput={(e) => setF({ ...f, expires: e.currentTarget.value })} />
      </label>
      <FormStatus err={err} />
      <button type="submit" class="btn primary block" disabled={busy || !f.customerID || !f.name || !f.scopes.length}>
        {busy ? t('issuing') : t('issue')}
      </button>
    </form>
  );
}

export function AdminTokens() {
  const q = useQuery(TokensQuery, {}, { keep: false });
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const [err, setErr] = useState('');
  const onShown = (s: Shown) => {
    setShown(s);
    setAdding(false);
    void q.refetch();
  };
  async function act(fn: () => Promise<void>) {
    setErr('');
    try {
      await fn();
      await q.refetch();
    } catch (x) {
      setErr(errText(x));
    }
  }
  return (
    <>
      <Header title={t('tokens')} back="/admin" />
      <main class="content">
        <AdminOnly>
          {shown && <SecretOnce title={t('tokenShown') + ' ' + shown.name} secret={shown.secret} warn={t('secretWarn')} onDone={() => setShown(null)} />}
          <button type="button" class="btn primary block" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('issue')}
          </button>
          {adding && <IssueForm onShown={onShown} />}
          <FormStatus err={err} />
          <Query q={q}>
            {(d) => {
              const rows = (d.apiTokens.edges ?? []).flatMap((x) => (x?.node ? [x.node] : []));
              if (!rows.length) return <Empty>{t('noTokens')}</Empty>;
              return (
                <ul class="plain-list">
                  {rows.map((tk) => (
                    <li key={tk.id} class="card">
                      <h2 class="card-title">
                        {tk.name} {tk.revokedAt && <Badge tone="bad">{t('revoked', { when: formatDate(tk.revokedAt) })}</Badge>}
                      </h2>
                      <p class="small">
                        {tk.customer.name} · …{tk.lastEight}
                      </p>
                      <p class="muted small">{(tk.scopes ?? []).map((s) => coded('sc', s)).join(t('listSep'))}</p>
                      <p class="muted small">
                        {t('created', { when: formatDate(tk.createdAt) })} · {tk.lastUsedAt ? t('lastUsed', { when: formatDate(tk.lastUsedAt, true) }) : t('unused')} ·{' '}
                        {t('expires')}: {tk.expiresAt ? formatDate(tk.expiresAt) : t('never')}
                      </p>
                      {!tk.revokedAt && (
                        <div class="btn-row">
                          <Confirm
                            label={t('rotate')}
                            question={t('rotateConfirm', { name: tk.name })}
                            yes={t('yesRotate')}
                            onYes={() =>
                              void act(async () => {
                                const r = await request(Rotate, { id: tk.id });
                                setShown({ name: r.rotateAPIToken.apiToken.name, secret: r.rotateAPIToken.token });
                              })
                            }
                          />
                          <Confirm
                            label={t('revoke')}
                            question={t('revokeConfirm', { name: tk.name })}
                            yes={t('yesRevoke')}
                            onYes={() => void act(async () => void (await request(Revoke, { id: tk.id })))}
                          />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              );
            }}
          </Query>
        </AdminOnly>
      </main>
    </>
  );
}
