// Planning a visit: when, why, what to bring and talk about, whom we will meet. The
// plan is on Today that day and fills the visit's preparation card; logging the visit
// completes it. Works offline (the plan waits in the queue).
import { useState } from 'preact/hooks';
import { newId, online } from '../lib/api';
import { messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { Empty, Query } from '../ui/bits';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { VisitQuery, startOfToday, topicLabel, TOPICS, visitCacheKey } from './Visit';

const t = messages(
  'planVisit',
  {
    title: 'Plan a visit · {name}',
    day: 'Day',
    time: 'Time',
    purpose: 'Purpose',
    purposeHint: 'What the visit is for, e.g. “pilot trial results and next quarter’s demand”.',
    materials: 'Materials to bring',
    topics: 'Topics',
    meet: 'Whom we will meet',
    noContacts: 'No contacts recorded for this account yet.',
    save: 'Plan the visit',
    needPurpose: 'Write what the visit is for.',
    needFuture: 'Choose a time that is still ahead.',
    savedOnline: 'Visit planned. It is on Today that day.',
    savedOffline: 'Plan saved on this phone. It will be sent when the network returns.',
    backToAccount: 'Back to the account',
  },
  {
    title: '计划拜访 · {name}',
    day: '日期',
    time: '时间',
    purpose: '拜访目的',
    purposeHint: '例如“中试结果和下季度需求”。',
    materials: '需携带的资料',
    topics: '交流话题',
    meet: '将要见的人',
    noContacts: '此客户还没有联系人。',
    save: '保存拜访计划',
    needPurpose: '请填写拜访目的。',
    needFuture: '请选择一个尚未到来的时间。',
    savedOnline: '拜访已计划，当天会出现在“今日”。',
    savedOffline: '拜访计划已保存在手机上，联网后自动发送。',
    backToAccount: '返回客户',
  },
);

const pad = (n: number) => String(n).padStart(2, '0');

/** The next full hour (today, or tomorrow morning after working hours). */
function defaultWhen(now = new Date()): { day: string; time: string } {
  const d = new Date(now);
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  if (d.getHours() >= 18 || d.getDate() !== now.getDate()) {
    d.setDate(now.getDate() + 1);
    d.setHours(9);
  }
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:00` };
}

export function PlanVisit({ id }: { id: string }) {
  const q = useQuery(VisitQuery, { id, since: startOfToday() }, { cacheAs: visitCacheKey(id) });
  const on = useStore(online);
  const [when] = useState(defaultWhen);
  const [day, setDay] = useState(when.day);
  const [time, setTime] = useState(when.time);
  const [summary, setSummary] = useState('');
  const [materials, setMaterials] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [who, setWho] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const name = q.data?.customerReport.customer.name ?? '';

  async function save(e: Event) {
    e.preventDefault();
    if (!summary.trim()) return setError(t('needPurpose'));
    const at = new Date(`${day}T${time || '09:00'}:00`);
    if (isNaN(at.getTime()) || at.getTime() <= Date.now() + 60_000) return setError(t('needFuture'));
    setError('');
    await queue.enqueue({
      id: newId(),
      kind: 'visit',
      label: `${t('title', { name })}`,
      customerID: id,
      vars: {
        input: {
          customerID: id,
          kind: 'VISIT',
          occurredAt: at.toISOString(),
          summary: summary.trim(),
          preparationMaterials: materials.trim() || null,
          preparationTopics: topics,
          theirParticipantIDs: who,
        },
      },
    });
    setSaved(on ? 'online' : 'offline');
  }

  const toggle = (list: string[], set: (v: string[]) => void, x: string) =>
    set(list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

  return (
    <>
      <Header title={name ? t('title', { name }) : '…'} back={`/customers/${id}`} />
      <main class="content">
        <Query q={q}>
          {(d) => {
            const node = d.node && 'contacts' in d.node ? d.node : null;
            const contacts = (node?.contacts.edges ?? []).map((e) => e!.node!);
            if (saved)
              return (
                <SavedCard saved={saved} online={t('savedOnline')} offline={t('savedOffline')}>
                  <button type="button" class="btn primary" onClick={() => navigate(`/customers/${id}`)}>
                    {t('backToAccount')}
                  </button>
                </SavedCard>
              );
            return (
              <form onSubmit={save} class="visit-log" noValidate>
                <div class="field-row">
                  <label class="field">
                    <span>{t('day')}</span>
                    <input type="date" name="day" value={day} onInput={(e) => setDay(e.currentTarget.value)} required />
                  </label>
                  <label class="field">
                    <span>{t('time')}</span>
                    <input type="time" name="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
                  </label>
                </div>
                <label class="field">
                  <span>{t('purpose')}</span>
                  <input name="summary" value={summary} maxLength={300} onInput={(e) => setSummary(e.currentTarget.value)} />
                  <small class="hint">{t('purposeHint')}</small>
                </label>
                <label class="field">
                  <span>{t('materials')}</span>
                  <textarea name="materials" rows={2} value={materials} onInput={(e) => setMaterials(e.currentTarget.value)} />
                </label>
                <fieldset>
                  <legend>{t('topics')}</legend>
                  <div class="chips">
                    {TOPICS.map((x) => (
                      <button type="button" class="chip" aria-pressed={topics.includes(x)} onClick={() => toggle(topics, setTopics, x)}>
                        {topicLabel(x)}
                      </button>
                    ))}
                  </div>
                </fieldset>
                <fieldset>
                  <legend>{t('meet')}</legend>
                  {contacts.length ? (
                    <div class="chips">
                      {contacts.map((c) => (
                        <button type="button" class="chip" aria-pressed={who.includes(c.id)} onClick={() => toggle(who, setWho, c.id)}>
                          {c.name}
                        </button>
                      ))}
                    </div>
                  ) : (
                    <Empty>{t('noContacts')}</Empty>
                  )}
                </fieldset>
                <FormStatus err={error} />
                <button type="submit" class="btn primary block">
                  {t('save')}
                </button>
              </form>
            );
          }}
        </Query>
      </main>
    </>
  );
}
