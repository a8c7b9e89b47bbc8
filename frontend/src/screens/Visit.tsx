// Visit mode: a preparation card to read in the lobby, then the quick log to fill in
// the car. Kind (visit preselected), who was there, findings, the next steps it dealt
// with, the next step with a due date (a week when none is picked): six taps plus
// typing, and it works with no network (the log waits in the queue). A visit planned
// for today is completed by its log, which takes it off Today.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, online, session } from '../lib/api';
import { formatDate, messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { here, type Here } from '../lib/place';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Empty, Query } from '../ui/bits';
import { SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { LobbyCard } from './LobbyCard';
import { MediaCapture, useMediaDraft } from './MediaCapture';
import { tm } from './media.i18n';

const t = messages(
  'visit',
  {
    title: 'Visit · {name}',
    prep: 'Preparation',
    materials: 'Materials to bring',
    topics: 'Topics',
    planned: 'Planned for {when}',
    noPlan: 'No visit planned: bring the latest TDS/MSDS and ask about their current problems.',
    log: 'Log the visit',
    kind: 'Kind',
    who: 'Who was there',
    findings: 'What we learned',
    findingsHint: 'Needs, problems, who decides, what competitors do. The keyboard’s microphone works here.',
    promises: 'What we promised',
    nextStep: 'Next step',
    nextStepHint: 'Becomes a task on your Today list.',
    due: 'Due',
    tomorrow: 'Tomorrow',
    in3: 'In 3 days',
    week: 'In a week',
    twoWeeks: 'In 2 weeks',
    pickDate: 'Pick a date',
    save: 'Save visit log',
    savedOnline: 'Visit logged.',
    savedOffline: 'Visit saved on this phone. It will be sent when the network returns.',
    needSomething: 'Write what you learned or the next step first.',
    dueDefault: 'No date picked: due in a week.',
    dealtWith: 'Next steps this visit dealt with',
    dealtHint: 'Ticked ones are marked done.',
    completesPlan: 'This log completes the visit planned for {when}.',
    backToAccount: 'Back to the account',
    logAnother: 'Log another',
    noContacts: 'No contacts recorded for this account yet.',
    checkIn: 'Check in: record where I am',
    checkInHint: 'The visit keeps the place; a precise one (within 200 m) becomes the account’s place, for the map and “Nearby”.',
    locating: 'Finding where you are…',
    notPlaced_denied: 'Saved without a place: the phone did not allow it.',
    notPlaced_unavailable: 'Saved without a place: the phone could not tell where it is.',
    topic_LIFE: 'Life',
    topic_HOBBIES: 'Hobbies',
    topic_SPORTS: 'Sports',
    topic_TECHNICAL: 'Technical',
    topic_PRODUCT: 'Product',
    topic_PRICE: 'Price',
    topic_MARKET: 'Market',
    topic_COMPANY: 'Company',
  },
  {
    title: '拜访 · {name}',
    prep: '拜访准备',
    materials: '需携带的资料',
    topics: '交流话题',
    planned: '计划于 {when}',
    noPlan: '没有计划中的拜访：带上最新的 TDS/MSDS，问问客户目前遇到的问题。',
    log: '记录拜访',
    kind: '方式',
    who: '在场人员',
    findings: '了解到的情况',
    findingsHint: '需求、问题、谁做决定、竞争对手的动作。可用输入法的语音输入。',
    promises: '我们的承诺',
    nextStep: '下一步',
    nextStepHint: '将作为任务出现在“今日”。',
    due: '期限',
    tomorrow: '明天',
    in3: '3 天后',
    week: '1 周后',
    twoWeeks: '2 周后',
    pickDate: '选择日期',
    save: '保存拜访记录',
    savedOnline: '拜访已记录。',
    savedOffline: '拜访记录已保存在手机上，联网后自动发送。',
    needSomething: '请先填写了解到的情况或下一步。',
    dueDefault: '未选期限：一周后到期。',
    dealtWith: '本次处理了的待办',
    dealtHint: '勾选的将标记为完成。',
    completesPlan: '此记录将完成计划于 {when} 的拜访。',
    backToAccount: '返回客户',
    logAnother: '再记一条',
    noContacts: '此客户还没有联系人。',
    checkIn: '签到：记录我现在的位置',
    checkInHint: '位置随拜访保存；精确的位置（200 米内）将作为客户的位置，用于地图和“附近”。',
    locating: '正在获取位置…',
    notPlaced_denied: '已保存，但未记录位置：手机未允许定位。',
    notPlaced_unavailable: '已保存，但未记录位置：手机无法定位。',
    topic_LIFE: '生活',
    topic_HOBBIES: '爱好',
    topic_SPORTS: '体育',
    topic_TECHNICAL: '技术',
    topic_PRODUCT: '产品',
    topic_PRICE: '价格',
    topic_MARKET: '市场',
    topic_COMPANY: '公司',
  },
);

export const VisitQuery = graphql(`
  query VisitPrep($id: ID!, $since: Time!) {
    customerReport(id: $id) {
      customer { id name stage tier }
      promises
      keyPersons { id attitude decisionRole contact { id name title } }
      openTasks { id title dueAt }
      stageTimeline { stage leftAt days }
      competitors { id name sharePercent }
      samplesInFlight { id status product { name } trials(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { outcome } } } }
      openIssues { id title sla { breached } }
    }
    node(id: $id) {
      ... on Customer {
        contacts(first: 50, where: { archived: false }) { edges { node { id name title } } }
        interactions(first: 1, where: { kind: VISIT, loggedAtIsNil: true, occurredAtGTE: $since }, orderBy: { field: OCCURRED_AT, direction: ASC }) {
          edges { node { id occurredAt summary preparationMaterials preparationTopics theirParticipants(first: 20) { edges { node { id name } } } } }
        }
      }
    }
  }
`);

/** Visit preparation is kept under one key per account, whatever the day. */
export const visitCacheKey = (id: string) => `VisitPrep:${id}`;

const kinds = ['VISIT', 'PHONE', 'CHAT', 'MEETING'] as const;

/** The topics a visit can be prepared on (the schema's preparationTopics). */
export const TOPICS = ['LIFE', 'HOBBIES', 'SPORTS', 'TECHNICAL', 'PRODUCT', 'PRICE', 'MARKET', 'COMPANY'] as const;

export function topicLabel(code: string): string {
  const key = `topic_${code}` as Parameters<typeof t>[0];
  return t(key) === key ? code : t(key);
}

export function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  d.setHours(17, 0, 0, 0);
  return d.toISOString();
}

export function Visit({ id }: { id: string }) {
  const [since] = useState(startOfToday);
  const q = useQuery(VisitQuery, { id, since }, { cacheAs: visitCacheKey(id) });
  const on = useStore(online);
  const [kind, setKind] = useState<string>('VISIT');
  const [who, setWho] = useState<string[]>([]);
  const [dealt, setDealt] = useState<string[]>([]);
  // The plan a log was saved for: it is done, "log another" starts a new contact.
  const [usedPlan, setUsedPlan] = useState<string | null>(null);
  const queued = useStore(queue.items);
  // A plan already logged here (this time, or offline earlier and still waiting) is done.
  const open = <P extends { id: string }>(p: P | null | undefined) =>
    p && p.id !== usedPlan && !queued.some((i) => i.kind === 'visitLog' && i.recordID === p.id) ? p : undefined;
  const [findings, setFindings] = useState('');
  const [promises, setPromises] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const [dueChoice, setDueChoice] = useState<number | 'date' | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const [checkIn, setCheckIn] = useState(() => localStorage.getItem('visit.checkIn') === '1');
  const [locating, setLocating] = useState(false);
  const [notPlaced, setNotPlaced] = useState<'denied' | 'unavailable' | null>(null);
  // Photos and voice notes go with the log, in the same queue item.
  const media = useMediaDraft();
  const [recording, setRecording] = useState(false);
  const name = q.data?.customerReport.customer.name ?? '';

  async function save(e: Event) {
    e.preventDefault();
    if (!findings.trim() && !nextStep.trim()) return setError(t('needSomething'));
    setError('');
    const me = session.get()?.user.id;
    const node = q.data?.node && 'interactions' in q.data.node ? q.data.node : null;
    const first = node?.interactions.edges?.[0]?.node;
    const plan = open(first);
    const now = new Date();
    // When the visit took place: now, or the planned time when that has passed.
    const occurredAt = plan && Date.parse(plan.occurredAt) < now.getTime() ? plan.occurredAt : now.toISOString();
    let place: Here | null = null;
    setNotPlaced(null);
    if (checkIn) {
      setLocating(true);
      try {
        place = await here();
      } catch (err) {
        setNotPlaced((err as Error).message === 'denied' ? 'denied' : 'unavailable');
      } finally {
        setLocating(false);
      }
    }
    await queue.enqueue({
      id: newId(),
      kind: 'visitLog',
      label: `${label('InteractionKind', kind)} — ${name}`,
      customerID: id,
      recordID: plan?.id,
      vars: {
        input: {
          customerID: id,
          plannedID: plan?.id ?? null,
          kind,
          occurredAt,
          findings: findings.trim() || null,
          promises: promises.trim() || null,
          nextStep: nextStep.trim() || null,
          nextStepDue: nextStep.trim() ? due : null,
          theirParticipantIDs: who,
          ourParticipantIDs: me ? [me] : [],
          doneTaskIDs: dealt,
          checkIn: place,
        },
      },
      files: media.files(),
    });
    if (plan) setUsedPlan(plan.id);
    setSaved(on ? 'online' : 'offline');
  }

  function reset() {
    setWho([]);
    setDealt([]);
    setFindings('');
    setPromises('');
    setNextStep('');
    setDue(null);
    setDueChoice(null);
    media.clear();
    setSaved(null);
  }

  const dueOptions: [number, 'tomorrow' | 'in3' | 'week' | 'twoWeeks'][] = [
    [1, 'tomorrow'],
    [3, 'in3'],
    [7, 'week'],
    [14, 'twoWeeks'],
  ];

  return (
    <>
      <Header title={name ? t('title', { name }) : '…'} back={`/customers/${id}`} />
      <main class="content">
        <Query q={q}>
          {(d) => {
            const r = d.customerReport;
            const node = d.node && 'contacts' in d.node ? d.node : null;
            const first = node?.interactions.edges?.[0]?.node;
            const plan = open(first);
            const contacts = (node?.contacts.edges ?? []).map((e) => e!.node!);
            // Whom we meet: the plan's people, else the key persons.
            const planned = (plan?.theirParticipants.edges ?? []).map((e) => e!.node!);
            const meet = planned.length ? planned : r.keyPersons.map((k) => k.contact);
            const attitude = new Map(r.keyPersons.map((k) => [k.contact.id, k]));
            if (saved)
              return (
                <SavedCard saved={saved} online={t('savedOnline')} offline={t('savedOffline')}>
                  {notPlaced && <p class="hint">{t(`notPlaced_${notPlaced}`)}</p>}
                  <div class="btn-row">
                    <button type="button" class="btn primary" onClick={() => navigate(`/customers/${id}`)}>
                      {t('backToAccount')}
                    </button>
                    <button type="button" class="btn" onClick={reset}>
                      {t('logAnother')}
                    </button>
                  </div>
                </SavedCard>
              );
            return (
              <>
                <LobbyCard r={r} meet={meet} />
                <section class="card prep" aria-labelledby="prep-h">
                  <h2 id="prep-h">{t('prep')}</h2>
                  {plan ? (
                    <>
                      <p class="muted small">{t('planned', { when: formatDate(plan.occurredAt, true) })}</p>
                      {plan.summary && <p>{plan.summary}</p>}
                      {plan.preparationMaterials && (
                        <>
                          <h3>{t('materials')}</h3>
                          <p>{plan.preparationMaterials}</p>
                        </>
                      )}
                      {!!plan.preparationTopics?.length && (
                        <>
                          <h3>{t('topics')}</h3>
                          <ul>
                            {plan.preparationTopics.map((x, i) => (
                              <li key={i}>{topicLabel(x)}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </>
                  ) : (
                    <p class="muted">{t('noPlan')}</p>
                  )}
                </section>

                <form onSubmit={save} class="visit-log" aria-labelledby="log-h" noValidate>
                  <h2 id="log-h">{t('log')}</h2>
                  {plan && <p class="muted small">{t('completesPlan', { when: formatDate(plan.occurredAt, true) })}</p>}
                  <fieldset>
                    <legend>{t('kind')}</legend>
                    <div class="chips">
                      {kinds.map((k) => (
                        <button type="button" class="chip" aria-pressed={kind === k} onClick={() => setKind(k)}>
                          {label('InteractionKind', k)}
                        </button>
                      ))}
                    </div>
                  </fieldset>
                  <fieldset>
                    <legend>{t('who')}</legend>
                    {contacts.length ? (
                      <div class="chips">
                        {contacts.map((c) => {
                          const kp = attitude.get(c.id);
                          const pressed = who.includes(c.id);
                          return (
                            <button
                              type="button"
                              class="chip"
                              aria-pressed={pressed}
                              onClick={() => setWho(pressed ? who.filter((x) => x !== c.id) : [...who, c.id])}
                            >
                              {c.name}
                              {kp ? ' ★' : ''}
                            </button>
                          );
                        })}
                      </div>
                    ) : (
                      <Empty>{t('noContacts')}</Empty>
                    )}
                  </fieldset>
                  <label class="field">
                    <span>{t('findings')}</span>
                    <textarea name="findings" value={findings} onInput={(e) => setFindings(e.currentTarget.value)} rows={4} />
                    <small class="hint">{t('findingsHint')}</small>
                  </label>
                  <MediaCapture d={media} id="visit-media" hint={tm('sentWithVisit')} onRecording={setRecording} />
                  {!!r.openTasks.length && (
                    <fieldset>
                      <legend>{t('dealtWith')}</legend>
                      <div class="chips">
                        {r.openTasks.map((task) => {
                          const pressed = dealt.includes(task.id);
                          return (
                            <button
                              type="button"
                              class="chip"
                              aria-pressed={pressed}
                              onClick={() => setDealt(pressed ? dealt.filter((x) => x !== task.id) : [...dealt, task.id])}
                            >
                              {task.title}
                            </button>
                          );
                        })}
                      </div>
                      <small class="hint">{t('dealtHint')}</small>
                    </fieldset>
                  )}
                  <label class="field">
                    <span>{t('promises')}</span>
                    <textarea name="promises" value={promises} onInput={(e) => setPromises(e.currentTarget.value)} rows={2} />
                  </label>
                  <label class="field">
                    <span>{t('nextStep')}</span>
                    <input name="nextStep" value={nextStep} onInput={(e) => setNextStep(e.currentTarget.value)} />
                    <small class="hint">{t('nextStepHint')}</small>
                  </label>
                  <fieldset>
                    <legend>{t('due')}</legend>
                    <div class="chips">
                      {dueOptions.map(([n, key]) => (
                        <button
                          type="button"
                          class="chip"
                          aria-pressed={dueChoice === n}
                          onClick={() => {
                            setDueChoice(n);
                            setDue(inDays(n));
                          }}
                        >
                          {t(key)}
                        </button>
                      ))}
                    </div>
                    <label class="field">
                      <span class="sr-only">{t('pickDate')}</span>
                      <input
                        type="date"
                        aria-label={t('pickDate')}
                        value={dueChoice === 'date' && due ? due.slice(0, 10) : ''}
                        onInput={(e) => {
                          const v = e.currentTarget.value;
                          setDueChoice('date');
                          setDue(v ? new Date(v + 'T17:00:00').toISOString() : null);
                        }}
                      />
                    </label>
                    {nextStep.trim() && !due && <small class="hint">{t('dueDefault')}</small>}
                  </fieldset>
                  <div class="field">
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={checkIn}
                        onChange={(e) => {
                          setCheckIn(e.currentTarget.checked);
                          localStorage.setItem('visit.checkIn', e.currentTarget.checked ? '1' : '0');
                        }}
                      />
                      {t('checkIn')}
                    </label>
                    <small class="hint">{t('checkInHint')}</small>
                  </div>
                  {error && (
                    <p class="error" role="alert">
                      {error}
                    </p>
                  )}
                  <button type="submit" class="btn primary block" disabled={locating || recording}>
                    {locating ? t('locating') : t('save')}
                  </button>
                </form>
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}
