// Settings → Reminders, the list part: the browsers that receive reminders (each can be
// removed, this one marked) and the test notification; and the words for a failure.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, online, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { PushRefused, UnsubscribePush, forgetLocal, thisDeviceID } from '../lib/push';
import { reminderErrorKey } from '../lib/pushLogic';
import { useStore } from '../lib/store';
import { Badge, Empty } from '../ui/bits';
import { Confirm } from '../ui/Confirm';
import { FormStatus } from '../ui/FormStatus';
import type { Settings } from './Reminders';
import { tr } from './reminders.i18n';

const SendTestPush = graphql(`
  mutation SendTestPush { sendTestPush }
`);

export type Msg = { err?: string; flash?: string };

/** The words for a failure, by what failed: never a raw code. */
export function errText(e: unknown, action: 'settings' | 'test' | 'device'): string {
  if (e instanceof PushRefused) return tr(e.reason);
  if (e instanceof OfflineError || e instanceof ApiError) {
    const key = reminderErrorKey(
      e instanceof OfflineError ? { offline: true } : { code: e.code, field: e.extensions.field, message: e.message },
      action,
    );
    return key === 'failed' ? tr('failed', { message: (e as Error).message }) : tr(key);
  }
  // The browser's own refusal (its push service unreachable, …).
  return tr('subscribeFailed', { message: (e as Error)?.message ?? String(e) });
}

/** The browsers that receive reminders, each removable; and the test notification. */
export function Devices({ s, onRemovedThis, done }: { s: Settings; onRemovedThis: () => void; done: () => Promise<void> }) {
  const on = useStore(online);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>({});
  const mine = thisDeviceID();

  async function remove(id: string) {
    setMsg({});
    try {
      await request(UnsubscribePush, { id });
      if (id === mine) {
        await forgetLocal();
        onRemovedThis();
      }
      setMsg({ flash: tr('removed') });
    } catch (e) {
      setMsg({ err: errText(e, 'device') });
    }
    await done();
  }
  async function test() {
    setBusy(true);
    setMsg({});
    try {
      const n = (await request(SendTestPush, {})).sendTestPush;
      setMsg(n > 0 ? { flash: tr('testSent', { n }) } : { err: tr('testZero') });
    } catch (e) {
      setMsg({ err: errText(e, 'test') });
    } finally {
      setBusy(false);
      await done();
    }
  }

  return (
    <>
      <h3>{tr('devices')}</h3>
      {s.devices.length ? (
        <ul class="list" data-testid="push-devices">
          {s.devices.map((d) => {
            const name = d.userAgent || tr('unnamed');
            return (
              <li key={d.id} class="row">
                <div class="row-main">
                  <span class="row-title">
                    {name} {d.id === mine && <Badge tone="info">{tr('thisDevice')}</Badge>} {d.failing && <Badge tone="bad">{tr('failing')}</Badge>}
                  </span>
                  <span class="row-sub">
                    {tr('added', { when: formatDate(d.createdAt) })}
                    {d.lastSentAt ? ' · ' + tr('lastSent', { when: formatDate(d.lastSentAt, true) }) : ''}
                  </span>
                  <Confirm label={tr('remove', { name })} question={tr('removeQ', { name })} yes={tr('yesRemove')} no={tr('keep')} busyLabel={tr('removing')} disabled={!on} onYes={() => remove(d.id)} />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <Empty>{tr('noDevices')}</Empty>
      )}
      <button type="button" class="btn block test-push" disabled={!on || busy || !s.devices.length || !s.publicKey} aria-busy={busy} onClick={() => void test()}>
        {busy ? tr('testing') : tr('test')}
      </button>
      <FormStatus {...msg} />
    </>
  );
}

