// The parts of a project's page: who takes part from both sides (a key person of the
// account or one of our people, with their role; removed after a confirmation) and its
// milestones (added with a due date, marked done; overdue ones in red and said so).
// Online writes; a refusal is said where it happened.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { Badge, Empty, Section } from '../ui/bits';
import { Confirm } from '../ui/Confirm';
import { FormStatus } from '../ui/FormStatus';
import { dueAtOf, milestoneCount, milestoneOverdue, sortMilestones } from './commercialLogic';
import type { ProjectNode } from './ProjectDetail';
import { tp } from './projects.i18n';

const CreateProjectMember = graphql(`
  mutation CreateProjectMember($input: CreateProjectMemberInput!, $cmid: String) { createProjectMember(input: $input, clientMutationId: $cmid) { id } }
`);
const DeleteProjectMember = graphql(`
  mutation DeleteProjectMember($id: ID!, $version: Int) { deleteProjectMember(id: $id, version: $version) { deletedID } }
`);
const CreateProjectMilestone = graphql(`
  mutation CreateProjectMilestone($input: CreateProjectMilestoneInput!, $cmid: String) { createProjectMilestone(input: $input, clientMutationId: $cmid) { id } }
`);
const CompleteProjectMilestone = graphql(`
  mutation CompleteProjectMilestone($id: ID!) { completeProjectMilestone(id: $id) { id doneAt version } }
`);

/** What a refusal says, in the screen's words. */
export type WriteTexts = (k: 'onlineOnly' | 'forbidden' | 'notFound') => string;

/** One online write at a time; a refusal becomes the text to show (say's words), a
 * stale version a conflict, a field's own refusal goes to onField. */
export function useWrite(say: WriteTexts = tp) {
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [conflict, setConflict] = useState(false);
  async function run(what: () => Promise<unknown>, onField?: (field: string, message: string) => boolean): Promise<boolean> {
    setErr('');
    setConflict(false);
    setBusy(true);
    try {
      await what();
      return true;
    } catch (e) {
      if (e instanceof OfflineError) setErr(say('onlineOnly'));
      else if (e instanceof ApiError && e.code === 'CONFLICT') setConflict(true);
      else if (e instanceof ApiError && e.code === 'FORBIDDEN') setErr(say('forbidden'));
      else if (e instanceof ApiError && e.code === 'NOT_FOUND') setErr(say('notFound'));
      else if (e instanceof ApiError && e.code === 'BAD_USER_INPUT' && typeof e.extensions.field === 'string' && onField?.(e.extensions.field, e.message)) {
        /* shown at its field */
      } else setErr((e as Error)?.message ?? String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, err, conflict, run, setErr, setConflict };
}

export function Conflict({ show, onReload }: { show: boolean; onReload: () => void }) {
  if (!show) return null;
  return (
    <div class="error" role="alert">
      <p>{tp('conflict')}</p>
      <button type="button" class="btn" onClick={onReload}>
        {tp('reload')}
      </button>
    </div>
  );
}

type Member = NonNullable<ProjectNode['members']>[number];
const memberName = (m: Member) => m.user?.name ?? m.keyPerson?.contact.name ?? '';

export function ProjectMembers({ p, users, refetch }: { p: ProjectNode; users: { id: string; name: string }[]; refetch: () => Promise<void> }) {
  const w = useWrite();
  const [adding, setAdding] = useState(false);
  const [side, setSide] = useState<'kp' | 'user'>('kp');
  const [who, setWho] = useState('');
  const [role, setRole] = useState('');
  const [cmid, setCmid] = useState(() => newId());
  const members = p.members ?? [];
  const keyPersons = (p.customer.keyPersons.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  async function add(e: Event) {
    e.preventDefault();
    if (!who) return w.setErr(tp('needWho'));
    const input = { projectID: p.id, role: role.trim() || null, ...(side === 'kp' ? { keyPersonID: who } : { userID: who }) };
    if (await w.run(() => request(CreateProjectMember, { input, cmid }))) {
      setAdding(false);
      setWho('');
      setRole('');
      setCmid(newId());
      await refetch();
    }
  }

  return (
    <Section title={tp('members')} count={members.length} id="pj-members">
      {members.length === 0 ? (
        <Empty>{tp('noMembers')}</Empty>
      ) : (
        <ul class="list">
          {members.map((m) => (
            <li key={m.id} class="row" data-testid="pj-member">
              <span class="row-main">
                <span class="row-title">{memberName(m)}</span>
                <span class="row-sub">{[m.user ? tp('ourSide') : tp('theirSide'), m.role].filter(Boolean).join(' · ')}</span>
              </span>
              <Confirm
                label={tp('remove')}
                question={tp('removeQ', { name: memberName(m) })}
                yes={tp('removeYes')}
                no={tp('keep')}
                busyLabel={tp('busy')}
                onYes={async () => {
                  if (await w.run(() => request(DeleteProjectMember, { id: m.id, version: m.version }))) await refetch();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <Conflict show={w.conflict} onReload={() => (w.setConflict(false), void refetch())} />
      {!adding && <FormStatus err={w.err} />}
      {adding ? (
        <form class="card" onSubmit={add} noValidate aria-labelledby="pj-add-member-h">
          <h3 id="pj-add-member-h">{tp('addMember')}</h3>
          <fieldset>
            <legend>{tp('side')}</legend>
            <div class="chips">
              <button type="button" class="chip" aria-pressed={side === 'kp'} onClick={() => (setSide('kp'), setWho(''))}>
                {tp('keyPerson')}
              </button>
              <button type="button" class="chip" aria-pressed={side === 'user'} onClick={() => (setSide('user'), setWho(''))}>
                {tp('user')}
              </button>
            </div>
          </fieldset>
          {side === 'kp' && keyPersons.length === 0 ? (
            <p class="muted">{tp('noKeyPersons')}</p>
          ) : (
            <label class="field">
              <span>{side === 'kp' ? tp('keyPerson') : tp('user')}</span>
              <select value={who} onChange={(e) => (setWho(e.currentTarget.value), w.setErr(''))}>
                <option value="">{tp('choose')}</option>
                {side === 'kp'
                  ? keyPersons.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.contact.title ? `${k.contact.name} · ${k.contact.title}` : k.contact.name}
                      </option>
                    ))
                  : users.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
              </select>
            </label>
          )}
          <label class="field">
            <span>{tp('role')}</span>
            <input value={role} maxLength={120} autocomplete="off" onInput={(e) => setRole(e.currentTarget.value)} />
          </label>
          <FormStatus err={w.err} />
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={w.busy} aria-busy={w.busy}>
              {w.busy ? tp('busy') : tp('addMemberYes')}
            </button>
            <button type="button" class="btn" onClick={() => (setAdding(false), w.setErr(''))}>
              {tp('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="btn" onClick={() => setAdding(true)}>
          + {tp('addMember')}
        </button>
      )}
    </Section>
  );
}

export function ProjectMilestones({ p, refetch }: { p: ProjectNode; refetch: () => Promise<void> }) {
  const w = useWrite();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [titleErr, setTitleErr] = useState('');
  const [cmid, setCmid] = useState(() => newId());
  const ms = sortMilestones(p.milestones ?? []);
  const count = milestoneCount(ms);
  const now = Date.now();

  async function add(e: Event) {
    e.preventDefault();
    const t = title.trim();
    if (!t) return setTitleErr(tp('needTitle'));
    if ([...t].length > 200) return setTitleErr(tp('tooLong200'));
    setTitleErr('');
    const input = { projectID: p.id, title: t, dueAt: dueAtOf(due), note: note.trim() || null };
    const ok = await w.run(
      () => request(CreateProjectMilestone, { input, cmid }),
      (field, message) => (field === 'title' ? (setTitleErr(message), true) : false),
    );
    if (ok) {
      setAdding(false);
      setTitle('');
      setDue('');
      setNote('');
      setCmid(newId());
      await refetch();
    }
  }

  return (
    <Section title={tp('milestones')} count={count.total} id="pj-milestones">
      {ms.length === 0 ? (
        <Empty>{tp('noMilestonesYet')}</Empty>
      ) : (
        <ul class="list">
          {ms.map((m) => {
            const late = milestoneOverdue(m, now);
            return (
              <li key={m.id} class="row" data-testid="pj-milestone">
                <span class="row-main">
                  <span class="row-title">
                    {m.doneAt && <span aria-hidden="true">✓ </span>}
                    {m.title}
                  </span>
                  <span class={'row-sub' + (late ? ' late' : '')}>
                    {m.doneAt ? tp('doneOn', { date: formatDate(m.doneAt) }) : m.dueAt ? tp('due', { date: formatDate(m.dueAt) }) : ''}
                    {late && (
                      <>
                        {' '}
                        <Badge tone="bad">{tp('overdue')}</Badge>
                      </>
                    )}
                  </span>
                  {m.note && <span class="small cm-pre">{m.note}</span>}
                </span>
                {!m.doneAt && (
                  <button
                    type="button"
                    class="btn"
                    disabled={w.busy}
                    aria-label={tp('markDoneOf', { title: m.title })}
                    onClick={() =>
                      void w.run(() => request(CompleteProjectMilestone, { id: m.id })).then((ok) => (ok ? refetch() : undefined))
                    }
                  >
                    ✓ {tp('markDone')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Conflict show={w.conflict} onReload={() => (w.setConflict(false), void refetch())} />
      {!adding && <FormStatus err={w.err} />}
      {adding ? (
        <form class="card" onSubmit={add} noValidate aria-labelledby="pj-add-ms-h">
          <h3 id="pj-add-ms-h">{tp('addMilestone')}</h3>
          <label class="field">
            <span>{tp('milestoneTitle')}</span>
            <input
              value={title}
              maxLength={200}
              autocomplete="off"
              aria-invalid={!!titleErr}
              aria-describedby={titleErr ? 'pj-ms-title-err' : undefined}
              onInput={(e) => (setTitle(e.currentTarget.value), setTitleErr(''))}
            />
            {titleErr && (
              <span class="field-error cm-block" id="pj-ms-title-err" role="alert">
                {titleErr}
              </span>
            )}
          </label>
          <label class="field">
            <span>{tp('dueAt')}</span>
            <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tp('note')}</span>
            <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <FormStatus err={w.err} />
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={w.busy} aria-busy={w.busy}>
              {w.busy ? tp('busy') : tp('addMilestoneYes')}
            </button>
            <button type="button" class="btn" onClick={() => (setAdding(false), w.setErr(''))}>
              {tp('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="btn" onClick={() => setAdding(true)}>
          + {tp('addMilestone')}
        </button>
      )}
    </Section>
  );
}
