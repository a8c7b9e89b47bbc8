// One joint project (合作项目): its kind, status and dates, goal, programme and budget, our
// lead, the need and product it is about, what came of it; its lifecycle by status
// (开始 from proposed; 完成 from active; 终止 from either — the last two ask what came of
// it), after a confirmation; then its members and milestones (ProjectParts) and its
// files (ProjectFiles).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { label } from '../i18n/enums';
import { request } from '../lib/api';
import { formatDate, formatNumber, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, ErrorBox, Query, Section } from '../ui/bits';
import { Confirm } from '../ui/Confirm';
import { FormStatus } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { MOVE_TO, projectMoves, statusTone, type ProjectMove } from './commercialLogic';
import { ProjectFiles } from './ProjectFiles';
import { Conflict, ProjectMembers, ProjectMilestones, useWrite } from './ProjectParts';
import { tp } from './projects.i18n';
import './commercial.css';

export const ProjectQuery = graphql(`
  query ProjectDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Project {
        id version kind title goal status startedAt endedAt outcome programme budget currency createdAt
        customer { id name keyPersons(first: 100, where: { activeToIsNil: true }) { edges { node { id contact { name title } } } } }
        ourLead { id name }
        need { id description }
        product { id code name }
        members { id version role keyPerson { id contact { name } } user { id name } }
        milestones { id title dueAt doneAt note version }
      }
    }
    users(first: 100, where: { roleIn: [REP, MANAGER, ADMIN] }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } }
  }
`);

export type ProjectNode = Extract<NonNullable<ResultOf<typeof ProjectQuery>['node']>, { __typename: 'Project' }>;

const MoveProject = graphql(`
  mutation MoveProject($input: MoveProjectInput!) { moveProject(input: $input) { id status version startedAt endedAt outcome } }
`);

function Facts({ p }: { p: ProjectNode }) {
  const row = (dt: string, dd: ComponentChildren) => (
    <>
      <dt>{dt}</dt>
      <dd>{dd}</dd>
    </>
  );
  return (
    <div class="card">
      <p class="cm-badges">
        <Badge tone={statusTone(p.status)}>{label('ProjectStatus', p.status)}</Badge>
        <Badge tone="info">{label('ProjectKind', p.kind)}</Badge>
      </p>
      <dl class="kv">
        {row(tp('account'), <a href={`/customers/${encodeURIComponent(p.customer.id)}`}>{p.customer.name}</a>)}
        {p.startedAt && row(tp('startedAt'), formatDate(p.startedAt))}
        {p.endedAt && row(tp('endedAt'), formatDate(p.endedAt))}
        {p.outcome && row(tp('outcome'), <span class="cm-pre">{p.outcome}</span>)}
        {p.goal && row(tp('goalShort'), <span class="cm-pre">{p.goal}</span>)}
        {p.programme && row(tp('programmeShort'), p.programme)}
        {p.budget != null && row(tp('budget'), `${formatNumber(p.budget, 2)} ${p.currency}`)}
        {p.ourLead && row(tp('ourLead'), p.ourLead.name)}
        {p.need && row(tp('need'), p.need.description)}
        {p.product && row(tp('product'), `${p.product.code} ${p.product.name}`)}
      </dl>
    </div>
  );
}

function Lifecycle({ p, refetch }: { p: ProjectNode; refetch: () => Promise<void> }) {
  const w = useWrite();
  const [asking, setAsking] = useState<ProjectMove | null>(null);
  const [outcome, setOutcome] = useState('');
  const [outErr, setOutErr] = useState('');
  const [flash, setFlash] = useState('');
  const moves = projectMoves(p.status);

  async function move(m: ProjectMove, said?: string) {
    setFlash('');
    const to = MOVE_TO[m];
    const ok = await w.run(
      () => request(MoveProject, { input: { id: p.id, to: to as 'ACTIVE', version: p.version, outcome: said ?? null } }),
      (field, message) => (field === 'outcome' ? (setOutErr(message), true) : false),
    );
    if (ok) {
      setAsking(null);
      setOutcome('');
      setFlash(tp('movedOk', { status: label('ProjectStatus', to) }));
      await refetch();
    }
  }

  async function ended(e: Event) {
    e.preventDefault();
    const said = outcome.trim();
    if (!said) return setOutErr(tp('needOutcome'));
    if ([...said].length > 500) return setOutErr(tp('tooLong500'));
    setOutErr('');
    await move(asking!, said);
  }

  if (!moves.length && !flash) return null;
  return (
    <Section title={tp('lifecycle')} id="pj-lifecycle">
      <FormStatus err={w.err} flash={flash} />
      <Conflict show={w.conflict} onReload={() => (w.setConflict(false), void refetch())} />
      {asking ? (
        <form class="card" onSubmit={ended} noValidate aria-labelledby="pj-end-h">
          <h3 id="pj-end-h">{asking === 'finish' ? tp('finishTitle') : tp('stopTitle')}</h3>
          <label class="field">
            <span>{tp('outcomeLabel')}</span>
            <textarea
              rows={3}
              maxLength={500}
              value={outcome}
              aria-invalid={!!outErr}
              aria-describedby={outErr ? 'pj-outcome-err' : undefined}
              onInput={(e) => (setOutcome(e.currentTarget.value), setOutErr(''))}
            />
            {outErr && (
              <span class="field-error cm-block" id="pj-outcome-err" role="alert">
                {outErr}
              </span>
            )}
          </label>
          <div class="btn-row">
            <button type="submit" class={`btn ${asking === 'finish' ? 'primary' : 'danger'}`} disabled={w.busy} aria-busy={w.busy}>
              {w.busy ? tp('busy') : asking === 'finish' ? tp('finishYes') : tp('stopYes')}
            </button>
            <button type="button" class="btn" disabled={w.busy} onClick={() => (setAsking(null), setOutErr(''))}>
              {tp('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="cm-actions">
          {moves.includes('start') && (
            <Confirm
              label={tp('start')}
              question={tp('startQ', { title: p.title })}
              yes={tp('startYes')}
              no={tp('cancel')}
              busyLabel={tp('busy')}
              danger={false}
              block
              onYes={() => move('start')}
            />
          )}
          {moves.includes('finish') && (
            <button type="button" class="btn primary block" onClick={() => (setAsking('finish'), setFlash(''))}>
              {tp('finish')}
            </button>
          )}
          {moves.includes('stop') && (
            <button type="button" class="btn danger block" onClick={() => (setAsking('stop'), setFlash(''))}>
              {tp('stop')}
            </button>
          )}
        </div>
      )}
    </Section>
  );
}

export function ProjectDetail({ pid }: { pid: string }) {
  useStore(lang);
  const q = useQuery(ProjectQuery, { id: pid });
  const p = q.data?.node?.__typename === 'Project' ? (q.data.node as ProjectNode) : undefined;
  const users = (q.data?.users.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      <Header title={p ? p.title : tp('titlePlain')} back={p ? `/customers/${encodeURIComponent(p.customer.id)}` : '/accounts'} />
      <main class="content">
        <Query q={q}>
          {() =>
            !p ? (
              <ErrorBox error={new Error(tp('notFound'))} />
            ) : (
              <>
                <Facts p={p} />
                <Lifecycle p={p} refetch={q.refetch} />
                <ProjectMilestones p={p} refetch={q.refetch} />
                <ProjectMembers p={p} users={users} refetch={q.refetch} />
                <ProjectFiles pid={p.id} />
                <p>
                  <a class="btn block" href={`/projects/${encodeURIComponent(p.id)}/edit`}>
                    {tp('edit')}
                  </a>
                </p>
              </>
            )
          }
        </Query>
      </main>
    </>
  );
}
