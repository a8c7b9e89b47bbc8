// Problems (问题): the account's list, reporting one from the shop floor (with photos,
// offline), and one problem's handling from report to closing: respond, go on site
// (及时到现场), find the root cause together (共同找原因), dispose of defective goods,
// resolve, close — against the service level for its severity.
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf, type VariablesOf } from '../graphql';
import { ApiError, newId, online } from '../lib/api';
import { formatDate, formatNumber, lang, relativeDay } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { useQueryParam } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, ErrorBox, Query, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { Header } from '../ui/Layout';
import { LoadMore, useMore } from '../ui/LoadMore';
import { AccountTabStrip, accountName, tapLink } from './AccountTabs';
import { t } from './problems.i18n';
import { primaryStep } from './problemStatus';
import { Files } from './ProblemFiles';
import { StepPanel } from './ProblemSteps';
export { ProblemNew } from './ProblemNew';

type Tone = 'warn' | 'bad' | 'good' | 'info' | undefined;

function severityTone(s: string): Tone {
  return s === 'CRITICAL' ? 'bad' : s === 'HIGH' ? 'warn' : undefined;
}

function statusTone(s: string): Tone {
  return s === 'OPEN' ? 'warn' : s === 'RESOLVED' || s === 'CLOSED' ? 'good' : 'info';
}

const done = (s: string) => s === 'RESOLVED' || s === 'CLOSED';

interface Sla {
  respondBy: string;
  onSiteBy: string;
  respondedLate: boolean;
  onSiteLate: boolean;
  breached: boolean;
}

/** "in 8 hours", "in 2 days", "3 hours ago": SLA deadlines are often hours away. */
function until(iso: string, now = Date.now()): string {
  const hours = (Date.parse(iso) - now) / 3600_000;
  if (Math.abs(hours) >= 36) return relativeDay(iso, now);
  const rtf = new Intl.RelativeTimeFormat(lang.get() === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
  return Math.abs(hours) < 1 ? rtf.format(Math.round(hours * 60), 'minute') : rtf.format(Math.round(hours), 'hour');
}

/** The problem's SLA state as a badge: past SLA, or the next deadline. */
function SlaBadge({ status, sla }: { status: string; sla: Sla }) {
  if (sla.breached) return <Badge tone="bad">{t('pastSla')}</Badge>;
  if (status === 'OPEN') return <Badge>{t('respondBy', { when: until(sla.respondBy) })}</Badge>;
  if (status === 'RESPONDED') return <Badge>{t('onSiteBy', { when: until(sla.onSiteBy) })}</Badge>;
  if (done(status)) return null;
  return <Badge tone="good">{t('onTime')}</Badge>;
}

function QueueState({ item }: { item: QueueItem }) {
  if (item.status === 'failed' || item.status === 'conflict')
    return (
      <a href="/settings#queue" style={tapLink}>
        <Badge tone="bad">{t('attention')}</Badge>
      </a>
    );
  return <Badge tone="info">{t('waiting')}</Badge>;
}

// ---------------------------------------------------------------------------
// List

export const ProblemListQuery = graphql(`
  query ProblemList($id: ID!, $first: Int!, $after: Cursor, $where: IssueWhereInput) {
    node(id: $id) { id ... on Customer { name } }
    issues(first: $first, after: $after, where: $where, orderBy: { field: REPORTED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title category severity status reportedAt batchNo
          order { id number }
          sla { respondBy onSiteBy respondedLate onSiteLate breached }
        }
      }
    }
  }
`);

export function ProblemList({ id }: { id: string }) {
  const [openOnly, setOpenOnly] = useState(false);
  const vars: VariablesOf<typeof ProblemListQuery> = {
    id,
    first: 20,
    after: null,
    where: openOnly ? { customerID: id, statusNotIn: ['RESOLVED', 'CLOSED'] } : { customerID: id },
  };
  const q = useQuery(ProblemListQuery, vars);
  const more = useMore(ProblemListQuery, vars, q, (d) => ({
    items: (d.issues.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: d.issues.pageInfo.hasNextPage,
    end: d.issues.pageInfo.endCursor,
  }));
  const items = useStore(queue.items);
  const waiting = items.filter((i) => i.kind === 'issue' && i.customerID === id);
  const saved = useQueryParam('saved');
  const name = accountName(q.data);

  useEffect(
    () =>
      queue.on((e) => {
        if (e.type === 'sent' && e.item.customerID === id && (e.item.kind === 'issue' || e.item.kind === 'issueStep')) void q.refetch();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, q.refetch],
  );

  return (
    <>
      <Header title={name ? `${name} · ${t('title')}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        <AccountTabStrip id={id} current="problems" />
        {saved && (
          <p class={saved === 'failed' ? 'error' : 'notice'} role={saved === 'failed' ? 'alert' : 'status'}>
            {saved === 'failed' ? t('savedFailed') : saved === 'sent' ? t('savedSent') : t('savedQueued')}
          </p>
        )}
        <div class="btn-row">
          <a class="btn primary" href={`/customers/${id}/problems/new`}>
            {t('report')}
          </a>
        </div>
        {waiting.length > 0 && (
          <Section title={t('waitingSend')} count={waiting.length} id="waiting">
            <ul class="list">
              {waiting.map((w) => (
                <li class="row" key={w.id}>
                  <span class="row-main">
                    <span class="row-title">{String(w.vars.input?.title ?? w.label)}</span>
                    <span class="row-sub">
                      {label('IssueCategory', w.vars.input?.category)} · {formatDate(new Date(w.createdAt).toISOString(), true)}
                    </span>
                  </span>
                  <span class="row-side">
                    <QueueState item={w} />
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        <div class="chips" role="group" aria-label={t('filter')}>
          <button type="button" class="chip" aria-pressed={!openOnly} onClick={() => setOpenOnly(false)}>
            {t('all')}
          </button>
          <button type="button" class="chip" aria-pressed={openOnly} onClick={() => setOpenOnly(true)}>
            {t('openOnly')}
          </button>
        </div>
        <Query q={q}>
          {(d) =>
            more.items.length === 0 ? (
              <Empty>{openOnly ? t('emptyOpen') : t('empty')}</Empty>
            ) : (
              <Section title={openOnly ? t('openOnly') : t('title')} count={d.issues.totalCount} id="list">
                <ul class="list">
                  {more.items.map((i) => (
                    <li key={i.id}>
                      <a class="row" href={`/problems/${i.id}`}>
                        <span class="row-main">
                          <span class="row-title">{i.title}</span>
                          <span class="row-sub">
                            {label('IssueCategory', i.category)} · {t('reported', { when: relativeDay(i.reportedAt) })}
                            {i.order ? ' · ' + t('order', { n: i.order.number }) : ''}
                            {i.batchNo ? ' · ' + t('batch', { b: i.batchNo }) : ''}
                          </span>
                          <span class="small" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px', marginTop: '4px' }}>
                            <Badge tone={statusTone(i.status)}>{label('IssueStatus', i.status)}</Badge>
                            <Badge tone={severityTone(i.severity)}>{label('IssueSeverity', i.severity)}</Badge>
                            <SlaBadge status={i.status} sla={i.sla} />
                          </span>
                        </span>
                        <span class="row-side" aria-hidden="true">
                          ›
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
                <LoadMore more={more} />
              </Section>
            )
          }
        </Query>
      </main>
    </>
  );
}

// ---------------------------------------------------------------------------
// One problem

export const ProblemDetailQuery = graphql(`
  query ProblemDetail($id: ID!) {
    node(id: $id) {
      id
      ... on Issue {
        version title description category rootCause severity status batchNo reportedAt updatedAt
        onsiteResponse jointRootCauseWork disposition lossAmount resolution
        respondedAt onsiteAt resolvedAt closedAt
        customerID
        customer { id name }
        order { id number }
        product { id code name }
        reportedBy { id name }
        assignee { id name }
        allowedNextStatuses
        sla { respondBy onSiteBy respondedLate onSiteLate breached }
        events(first: 10) { edges { node { id kind deadline dueAt at } } }
      }
    }
  }
`);

export type IssueData = Extract<NonNullable<ResultOf<typeof ProblemDetailQuery>['node']>, { title: string }>;
export type Status = IssueData['status'];

function Text({ v }: { v: string | null | undefined }) {
  if (!v?.trim()) return <span class="muted">{tc('none')}</span>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
}

/** The steps of handling with their times and, for response and on-site, the SLA deadline. */
function Progress({ i }: { i: IssueData }) {
  const rows: { name: string; at: string | null | undefined; due?: string; late?: boolean; skippable?: boolean }[] = [
    { name: t('stepReported'), at: i.reportedAt },
    { name: t('stepResponded'), at: i.respondedAt, due: i.sla.respondBy, late: i.sla.respondedLate },
    { name: t('stepOnSite'), at: i.onsiteAt, due: i.sla.onSiteBy, late: i.sla.onSiteLate, skippable: true },
    { name: t('stepResolved'), at: i.resolvedAt },
    { name: t('stepClosed'), at: i.closedAt },
  ];
  const past = (s: Status) => ['ROOT_CAUSE_FOUND', 'DISPOSITION', 'RESOLVED', 'CLOSED'].includes(s);
  const breaches = (i.events?.edges ?? []).flatMap((e) => (e?.node && e.node.kind === 'SLA_BREACHED' ? [e.node] : []));
  return (
    <>
    {breaches.map((b) => (
      <p class="error" role="note" key={b.id} data-testid="sla-breach">
        {t('breachRecorded', { deadline: label('IssueEventDeadline', b.deadline), due: formatDate(b.dueAt, true), at: formatDate(b.at, true) })}
      </p>
    ))}
    <ol class="list" style={{ listStyle: 'none' }}>
      {rows.map((r) => (
        <li class="row" key={r.name}>
          <span class="row-main">
            <span class="row-title">{r.name}</span>
            <span class="row-sub">
              {r.at ? formatDate(r.at, true) : r.skippable && past(i.status) ? t('skipped') : t('notYet')}
              {r.due && !(r.skippable && !r.at && past(i.status)) ? ' · ' + t('due', { when: formatDate(r.due, true) }) : ''}
            </span>
          </span>
          {r.late && (
            <span class="row-side">
              <Badge tone="bad">{t('late')}</Badge>
            </span>
          )}
        </li>
      ))}
    </ol>
    </>
  );
}

export function ProblemDetail({ id }: { id: string }) {
  const q = useQuery(ProblemDetailQuery, { id });
  const items = useStore(queue.items);
  const steps = items.filter((i) => i.kind === 'issueStep' && i.recordID === id);
  const [step, setStep] = useState<Status | null>(null);
  const [msg, setMsg] = useState('');
  const saved = useQueryParam('saved');

  useEffect(
    () =>
      queue.on((e) => {
        if (e.item.recordID === id && e.type === 'sent') void q.refetch();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, q.refetch],
  );

  const issue = q.data?.node && 'title' in q.data.node ? (q.data.node as IssueData) : null;

  async function move(to: Status, extra: Record<string, unknown>) {
    if (!issue) return;
    setStep(null);
    const input = { ...extra, status: to, version: issue.version };
    await queue.enqueue({
      id: newId(),
      kind: 'issueStep',
      label: `${t('detailTitle')}: ${issue.title} → ${label('IssueStatus', to)}`,
      customerID: issue.customerID,
      recordID: id,
      vars: { id, input },
    });
    setMsg(online.get() ? t('saved') : t('savedOffline'));
  }

  return (
    <>
      <Header title={issue?.title ?? t('detailTitle')} back={issue ? `/customers/${issue.customerID}/problems` : '/'} />
      <main class="content">
        {saved === 'sent' && (
          <p class="notice" role="status">
            {t('savedSent')}
          </p>
        )}
        {msg && (
          <p class="notice" role="status">
            {msg}
          </p>
        )}
        <Query q={q}>
          {() => {
            if (!issue) return <ErrorBox error={new ApiError(t('notFound'), 'NOT_FOUND')} />;
            const i = issue;
            const waiting = steps.filter((s) => s.status === 'pending' || s.status === 'sending');
            const parked = steps.filter((s) => s.status === 'failed' || s.status === 'conflict');
            return (
              <>
                <div class="card">
                  <p style={{ display: 'flex', flexWrap: 'wrap', gap: '6px', margin: 0 }}>
                    <Badge tone={statusTone(i.status)}>{label('IssueStatus', i.status)}</Badge>
                    <Badge tone={severityTone(i.severity)}>{label('IssueSeverity', i.severity)}</Badge>
                    <Badge>{label('IssueCategory', i.category)}</Badge>
                    <SlaBadge status={i.status} sla={i.sla} />
                  </p>
                  <dl class="kv" style={{ marginTop: '10px' }}>
                    <dt>{t('customer')}</dt>
                    <dd>
                      <a href={`/customers/${i.customer.id}`} style={tapLink}>
                        {i.customer.name}
                      </a>
                    </dd>
                    {i.order && (
                      <>
                        <dt>{t('orderLabel')}</dt>
                        <dd>
                          <a href={`/orders/${i.order.id}`} style={tapLink}>
                            {i.order.number}
                          </a>
                        </dd>
                      </>
                    )}
                    {i.product && (
                      <>
                        <dt>{t('product')}</dt>
                        <dd>
                          {i.product.code} {i.product.name}
                        </dd>
                      </>
                    )}
                    {i.batchNo && (
                      <>
                        <dt>{t('batchLabel')}</dt>
                        <dd>{i.batchNo}</dd>
                      </>
                    )}
                    <dt>{t('stepReported')}</dt>
                    <dd>
                      {formatDate(i.reportedAt, true)}
                      {i.reportedBy ? ` · ${i.reportedBy.name}` : ''}
                    </dd>
                    {i.assignee && (
                      <>
                        <dt>{t('assignee')}</dt>
                        <dd>{i.assignee.name}</dd>
                      </>
                    )}
                  </dl>
                </div>

                <Section title={t('nextStep')} id="next">
                  {waiting.map((s) => (
                    <p class="notice" role="status" key={s.id}>
                      {t('stepWaiting', { status: label('IssueStatus', s.vars.input?.status) })}
                    </p>
                  ))}
                  {parked.map((s) => (
                    <p class="error" role="alert" key={s.id}>
                      <a href="/settings#queue" style={tapLink}>
                        {t('stepParked', { status: label('IssueStatus', s.vars.input?.status) })}
                      </a>
                    </p>
                  ))}
                  {i.status === 'CLOSED' ? (
                    <p class="muted">{t('finished')}</p>
                  ) : step ? (
                    <StepPanel key={step} to={step} issue={i} onCancel={() => setStep(null)} onSave={(input) => void move(step, input)} />
                  ) : (
                    <div class="btn-row">
                      {i.allowedNextStatuses.map((s) => (
                        <button
                          type="button"
                          key={s}
                          class={s === 'CLOSED' ? 'btn' : 'btn primary'}
                          disabled={waiting.length > 0 || parked.length > 0}
                          onClick={() => {
                            setMsg('');
                            // Responding needs nothing more: one tap.
                            if (s === 'RESPONDED') void move(s, {});
                            else setStep(s);
                          }}
                        >
                          {t('moveTo', { status: label('IssueStatus', s) })}
                        </button>
                      ))}
                    </div>
                  )}
                </Section>

                <Section title={t('progress')} id="progress">
                  <Progress i={i} />
                </Section>

                <Section title={t('description')} id="desc">
                  <div class="card">
                    <Text v={i.description} />
                  </div>
                </Section>

                <Section title={t('handling')} id="handling">
                  <div class="card">
                    <dl class="kv" style={{ gridTemplateColumns: '1fr' }}>
                      <dt>{t('rootCause')}</dt>
                      <dd>{label('IssueRootCause', i.rootCause)}</dd>
                      <dt>{t('onsiteResponse')}</dt>
                      <dd>
                        <Text v={i.onsiteResponse} />
                      </dd>
                      <dt>{t('jointRootCauseWork')}</dt>
                      <dd>
                        <Text v={i.jointRootCauseWork} />
                      </dd>
                      <dt>{t('disposition')}</dt>
                      <dd>
                        <Text v={i.disposition} />
                      </dd>
                      <dt>{t('lossAmount')}</dt>
                      <dd>{i.lossAmount != null ? formatNumber(i.lossAmount, 2) : tc('none')}</dd>
                      <dt>{t('resolution')}</dt>
                      <dd>
                        <Text v={i.resolution} />
                      </dd>
                    </dl>
                  </div>
                </Section>
              </>
            );
          }}
        </Query>
        {issue && <Files id={id} />}
      </main>
    </>
  );
}
