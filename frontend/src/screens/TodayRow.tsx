// One row of Today's plan: what it is, why, when, and the one-tap acts beside it —
// call, done (tasks), snooze (any row, remembered on the server).
import { useState } from 'preact/hooks';
import type { ResultOf } from '../graphql';
import { queue, queueTaskDone } from '../lib/offline';
import { useStore } from '../lib/store';
import { formatTime, relativeDay } from '../lib/i18n';
import { label } from '../i18n/enums';
import { snoozeChoices, telHref } from './todayPlan';
import { t } from './today.i18n';
import type { TodayItemFields } from './Today';

export type Item = ResultOf<typeof TodayItemFields>;

/** Where a Today item opens. */
export function hrefFor(typename: string, id: string, customerID?: string): string {
  switch (typename) {
    case 'Sample':
      return `/samples/${id}`;
    case 'Order':
      return `/orders/${id}`;
    case 'Issue':
      return `/problems/${id}`;
    case 'Quotation':
      return `/quotations/${id}`;
    case 'Project':
      return `/projects/${id}`;
    case 'ChangeNoticeAck':
      return `/acks/${id}`;
    case 'Customer':
      return `/customers/${id}`;
    case 'Interaction':
      return customerID ? `/customers/${customerID}/visit` : '/';
    default:
      return customerID ? `/customers/${customerID}` : '/';
  }
}

/** One tap marks a task done, through the offline queue; Today asks again after the sync. */
function TaskDone({ item }: { item: Item }) {
  const queued = useStore(queue.items).some((q) => q.kind === 'taskDone' && q.recordID === item.node.id);
  if (queued) return <span class="badge good">{t('doneQueued')}</span>;
  const version = 'version' in item.node ? item.node.version : undefined;
  return (
    <button
      type="button"
      class="btn"
      aria-label={t('done', { title: item.title })}
      onClick={() => void queueTaskDone({ id: item.node.id, title: item.title, version }, item.customer?.id)}
    >
      ✓ {t('doneShort')}
    </button>
  );
}

/** onSnooze absent: another person's list, read only (their tasks and snoozes are theirs). */
export function TodayRow({ item, onSnooze }: { item: Item; onSnooze?: (item: Item, until: Date) => void }) {
  const [choosing, setChoosing] = useState(false);
  const tel = telHref(item.phone);
  const sub = [label('TodayKind', item.kind), item.customer?.name, item.reason].filter(Boolean).join(' · ');
  return (
    <li data-kind={item.kind} class="today-row">
      <a class="row" href={hrefFor(item.node.__typename, item.node.id, item.customer?.id)}>
        <span class="row-main">
          <span class="row-title">{item.title}</span>
          <span class="row-sub">{sub}</span>
        </span>
        {item.due && (
          // A visit today is at a time of day; anything else is due on a day.
          <span class="row-side">{item.kind === 'VISIT_DUE' ? formatTime(item.due) : relativeDay(item.due)}</span>
        )}
      </a>
      <div class="today-acts">
        {tel && (
          <a class="btn" href={tel} aria-label={t('call', { title: item.title })}>
            ☎ {t('callShort')}
          </a>
        )}
        {onSnooze && item.node.__typename === 'Task' && <TaskDone item={item} />}
        {onSnooze && (
          <button
            type="button"
            class="btn"
            aria-expanded={choosing}
            aria-label={t('snooze', { title: item.title })}
            onClick={() => setChoosing(!choosing)}
          >
            {t('snoozeShort')}
          </button>
        )}
      </div>
      {choosing && onSnooze && (
        <div class="chips today-snooze" role="group" aria-label={t('snoozeUntil')}>
          {snoozeChoices(new Date()).map((c) => (
            <button key={c.choice} type="button" class="chip" onClick={() => (setChoosing(false), onSnooze(item, c.until))}>
              {t(c.choice)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
