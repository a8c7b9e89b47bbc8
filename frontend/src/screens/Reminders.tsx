// Settings → Reminders: reminders on or off for this device (Web Push), which kinds and
// when the daily digest comes, the devices that receive them, and a test notification.
// Every state says what to do: a browser without push, an iPhone not yet on the home
// screen, notifications blocked, push off on the server, no network.
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { online, request } from '../lib/api';
import { currentSubscription, permission, pushEnv, turnOff, turnOn } from '../lib/push';
import { pushSupport, reminderState, toggleKind, validDigest } from '../lib/pushLogic';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Loading, Section, Stale } from '../ui/bits';
import { FormStatus } from '../ui/FormStatus';
import { Devices, errText, type Msg } from './ReminderDevices';
import { tr } from './reminders.i18n';

const ReminderSettingsQuery = graphql(`
  query ReminderSettings {
    reminderSettings { kinds digestAt timeZone publicKey devices { id userAgent createdAt lastSentAt failing } }
  }
`);
const UpdateReminderSettings = graphql(`
  mutation UpdateReminderSettings($kinds: [ReminderKind!]!, $digestAt: String) {
    updateReminderSettings(kinds: $kinds, digestAt: $digestAt) { kinds digestAt }
  }
`);
export type Settings = ResultOf<typeof ReminderSettingsQuery>['reminderSettings'];
type Kind = Settings['kinds'][number];
const KINDS: readonly Kind[] = ['VISIT_SOON', 'SAMPLE_FOLLOW_UP', 'SLA', 'NOTICE_ACK', 'DIGEST'];


/** On or off here, or why it cannot be. */
function ThisDevice({ s, subscribed, setSubscribed, done }: { s: Settings; subscribed: boolean; setSubscribed: (v: boolean) => void; done: () => Promise<void> }) {
  const on = useStore(online);
  const [perm, setPerm] = useState(permission);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>({});
  const state = reminderState({ support: pushSupport(pushEnv()), publicKey: s.publicKey, permission: perm, subscribed });

  async function act(turn: 'on' | 'off') {
    setBusy(true);
    setMsg({});
    try {
      if (turn === 'on') await turnOn(s.publicKey!);
      else await turnOff();
      setSubscribed(turn === 'on');
      setMsg({ flash: tr(turn === 'on' ? 'turnedOn' : 'turnedOff') });
    } catch (e) {
      setMsg({ err: errText(e, 'device') });
    } finally {
      setPerm(permission());
      setBusy(false);
      await done();
    }
  }

  if (state !== 'on' && state !== 'off')
    return (
      <p class="warning" data-state={state}>
        {tr(state)}
      </p>
    );
  return (
    <div data-state={state}>
      <p>{state === 'on' ? <Badge tone="good">{tr('isOn')}</Badge> : tr('isOff')}</p>
      <button type="button" class={'btn block' + (state === 'off' ? ' primary' : '')} disabled={!on || busy} aria-busy={busy} onClick={() => void act(state === 'on' ? 'off' : 'on')}>
        {state === 'on' ? (busy ? tr('turningOff') : tr('turnOff')) : busy ? tr('turningOn') : tr('turnOn')}
      </button>
      <FormStatus {...msg} />
    </div>
  );
}

/** Which kinds, and the digest's time: each change is saved at once. */
function Choices({ s }: { s: Settings }) {
  const on = useStore(online);
  const [kinds, setKinds] = useState<Kind[]>(s.kinds);
  const [digest, setDigest] = useState(s.digestAt ?? '');
  const [msg, setMsg] = useState<Msg>({});

  // Quick taps are saved one after the other, so the last choice is what the server keeps.
  const chain = useRef<Promise<void>>(Promise.resolve());
  function save(k: Kind[], d: string) {
    setMsg({});
    if (!validDigest(d)) return setMsg({ err: tr('badDigest') });
    chain.current = chain.current.then(async () => {
      try {
        await request(UpdateReminderSettings, { kinds: k, digestAt: d || null });
        setMsg({ flash: tr('saved') });
      } catch (e) {
        setKinds(s.kinds);
        setMsg({ err: errText(e, 'settings') });
      }
    });
  }

  return (
    <>
      <fieldset>
        <legend>{tr('kinds')}</legend>
        <div class="chips">
          {KINDS.map((k) => (
            <button
              type="button"
              class="chip"
              aria-pressed={kinds.includes(k)}
              disabled={!on}
              onClick={() => {
                const next = toggleKind(kinds, k, KINDS);
                setKinds(next);
                save(next, digest);
              }}
            >
              {label('ReminderKind', k)}
            </button>
          ))}
        </div>
      </fieldset>
      {kinds.includes('DIGEST') && (
        <label class="field">
          <span>{tr('digestAt')}</span>
          <input
            type="time"
            value={digest}
            disabled={!on}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDigest(v);
              save(kinds, v);
            }}
          />
          <small class="hint">{tr('digestHint', { zone: s.timeZone })}</small>
        </label>
      )}
      <FormStatus {...msg} />
    </>
  );
}

export function Reminders() {
  const q = useQuery(ReminderSettingsQuery, {});
  const on = useStore(online);
  const [subscribed, setSubscribed] = useState(false);
  useEffect(() => {
    currentSubscription().then(
      (sub) => setSubscribed(!!sub),
      () => setSubscribed(false),
    );
  }, []);
  const s = q.data?.reminderSettings;
  return (
    <Section title={tr('title')} id="reminders">
      <p class="small muted">{tr('intro')}</p>
      {!s ? (
        q.error ? (
          <p class="error" role="alert">
            {errText(q.error, 'settings')}
          </p>
        ) : (
          <Loading />
        )
      ) : (
        <div class="card">
          <Stale since={q.staleSince} />
          {!on && <p class="muted small">{tr('offline')}</p>}
          <ThisDevice s={s} subscribed={subscribed} setSubscribed={setSubscribed} done={q.refetch} />
          <Choices key={`${s.kinds.join()}|${s.digestAt}`} s={s} />
          <Devices s={s} onRemovedThis={() => setSubscribed(false)} done={q.refetch} />
        </div>
      )}
    </Section>
  );
}
