// The audit log: who did what, when, to which record — filterable by actor, record
// type and id, action and dates; newest first, a page at a time; each entry opens to
// show its fields before and after (secrets are never recorded).
import { useState } from 'preact/hooks';
import { graphql } from '../../graphql';
import { formatDate } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { Empty, Query } from '../../ui/bits';
import { LoadMore, useMore } from '../../ui/LoadMore';
import { Header } from '../../ui/Layout';
import { coded, t } from './admin.i18n';
import { AdminOnly } from './AdminHome';
import { auditWhere, noAuditFilter, type AuditFilter } from './filters';
import { Select } from './parts';

const AuditQuery = graphql(`
  query AuditLog($where: AuditEventWhereInput, $after: Cursor) {
    auditEvents(first: 30, after: $after, where: $where, orderBy: { field: AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at action entityType entityID entityName actorID actorName changes { field before after } } }
    }
  }
`);
const Actors = graphql(`
  query AuditActors { users(first: 100, orderBy: { field: NAME, direction: ASC }) { edges { node { id name email } } } }
`);

type Entry = { id: string; at: string; action: string; entityType: string; entityID: string; entityName?: string | null; actorName: string; changes: { field: string; before?: string | null; after?: string | null }[] };
const types = ['User', 'Team', 'APIToken', 'Customer', 'Contact', 'KeyPerson', 'Interaction', 'Sample', 'Trial', 'Order', 'Shipment', 'Issue', 'Document', 'ChangeNotice', 'WebhookEndpoint', 'ClassificationSetting'];

function Row({ e }: { e: Entry }) {
  const [open, setOpen] = useState(false);
  return (
    <li class="card" data-audit={e.entityID}>
      <p>
        <strong class="audit-actor">{e.actorName}</strong> {t(e.action as 'CREATE')} {coded('ty', e.entityType)}{' '}
        {e.entityName ? <strong>{e.entityName}</strong> : null} <code class="muted small">{e.entityID}</code>
      </p>
      <p class="muted small">{formatDate(e.at, true)}</p>
      {e.changes.length > 0 && (
        <button type="button" class="btn ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('hideChanges') : t('showChanges')} ({e.changes.length})
        </button>
      )}
      {open && (
        <dl class="kv small">
          {e.changes.map((c) => (
            <>
              <dt>{c.field}</dt>
              <dd>
                {e.action === 'UPDATE' && <>{c.before ?? t('none')} → </>}
                {c.after ?? t('none')}
              </dd>
            </>
          ))}
        </dl>
      )}
    </li>
  );
}

export function AdminAudit() {
  const [draft, setDraft] = useState<AuditFilter>(noAuditFilter);
  const [filter, setFilter] = useState<AuditFilter>(noAuditFilter);
  const where = auditWhere(filter);
  const vars = { where: where as never, after: null };
  const q = useQuery(AuditQuery, vars, { keep: false });
  const actors = useQuery(Actors, {}, { keep: false });
  const more = useMore(AuditQuery, vars, q, (d) => ({
    items: (d.auditEvents.edges ?? []).flatMap((x) => (x?.node ? [x.node as Entry] : [])),
    hasNext: d.auditEvents.pageInfo.hasNextPage,
    end: d.auditEvents.pageInfo.endCursor,
  }));
  const set = (k: keyof AuditFilter) => (v: string) => setDraft({ ...draft, [k]: v });
  const input = (k: 'entityID' | 'from' | 'to', type = 'text') => (
    <label class="field">
      <span>{t(k)}</span>
      <input type={type} value={draft[k]} onInput={(e) => set(k)(e.currentTarget.value)} />
    </label>
  );
  return (
    <>
      <Header title={t('audit')} back="/admin" />
      <main class="content">
        <AdminOnly>
          <form
            class="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setFilter(draft);
            }}
          >
            <Select label={t('actor')} value={draft.actorID} onChange={set('actorID')}>
              <option value="">{t('any')}</option>
              {(actors.data?.users.edges ?? []).map((x) =>
                x?.node ? (
                  <option key={x.node.id} value={x.node.id}>
                    {x.node.name} ({x.node.email})
                  </option>
                ) : null,
              )}
            </Select>
            <Select label={t('entityType')} value={draft.entityType} onChange={set('entityType')}>
              <option value="">{t('any')}</option>
              {types.map((ty) => (
                <option key={ty} value={ty}>{coded('ty', ty)}</option>
              ))}
            </Select>
            <Select label={t('action')} value={draft.action} onChange={set('action')}>
              <option value="">{t('any')}</option>
              {['CREATE', 'UPDATE', 'DELETE'].map((a) => (
                <option key={a} value={a}>{t(a as 'CREATE')}</option>
              ))}
            </Select>
            {input('entityID')}
            {input('from', 'date')}
            {input('to', 'date')}
            <label class="check">
              <input type="checkbox" checked={!!draft.hideImports} onChange={() => setDraft({ ...draft, hideImports: !draft.hideImports })} />
              <span>{t('hideImports')}</span>
            </label>
            <div class="btn-row">
              <button type="submit" class="btn primary">{t('apply')}</button>
              <button
                type="button"
                class="btn"
                onClick={() => {
                  setDraft(noAuditFilter);
                  setFilter(noAuditFilter);
                }}
              >
                {t('clear')}
              </button>
            </div>
          </form>
          <Query q={q}>
            {(d) => {
              const rows = more.items;
              if (!rows.length) return <Empty>{t('noEvents')}</Empty>;
              return (
                <>
                  <p class="muted small">{t('total', { n: d.auditEvents.totalCount })}</p>
                  <ul class="plain-list">
                    {rows.map((e) => (
                      <Row key={e.id} e={e} />
                    ))}
                  </ul>
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
