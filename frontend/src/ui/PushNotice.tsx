// Reminders that arrive while the app is open: the service worker shows each as a
// notification and tells the page, which shows it here too (the last three, newest on
// top), linking where it points. A tapped notification whose window the worker cannot
// steer asks the page to go there.
import { useEffect, useState } from 'preact/hooks';
import { appPath, pushMessageFrom, type PushMessage } from '../lib/pushLogic';
import { navigate } from '../lib/router';
import { tc } from './common.i18n';

/** How long a notice stays before it steps aside. */
const SHOW_MS = 30_000;
const MAX_SHOWN = 3;

type Shown = PushMessage & { n: number };
let seq = 0;

export function PushNotice() {
  const [list, setList] = useState<Shown[]>([]);
  const drop = (n: number) => setList((xs) => xs.filter((x) => x.n !== n));
  useEffect(() => {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    const sw = navigator.serviceWorker;
    const on = (e: MessageEvent) => {
      if (e.data?.type === 'navigate') return navigate(appPath(e.data.url));
      const m = pushMessageFrom(e.data);
      if (!m) return;
      const n = ++seq;
      // The same reminder again (its tag) replaces the one shown.
      setList((xs) => [{ ...m, n }, ...xs.filter((x) => !m.tag || x.tag !== m.tag)].slice(0, MAX_SHOWN));
      setTimeout(() => drop(n), SHOW_MS);
    };
    sw.addEventListener('message', on);
    sw.startMessages();
    return () => sw.removeEventListener('message', on);
  }, []);
  return (
    <div role="status" aria-live="polite" class={list.length ? 'push-notices' : 'sr-only'}>
      {list.map((m) => (
        <div class="push-notice" key={m.n}>
          <a href={m.url} onClick={() => drop(m.n)}>
            <strong>{m.title}</strong>
            {m.body && <span>{m.body}</span>}
          </a>
          <button type="button" aria-label={tc('close')} onClick={() => drop(m.n)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
