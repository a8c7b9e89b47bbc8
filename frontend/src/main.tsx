import { render } from 'preact';
import { App } from './app';
import { session } from './lib/api';
import { startQueue } from './lib/offline';
import { pruneCache } from './lib/query';
import './styles.css';

render(<App />, document.getElementById('app')!);
startQueue();
void pruneCache();

// A browser with reminders on gives the server its current subscription at each start
// and sign-in, so new keys (or a new server key) reach it (lib/push.ts, loaded apart).
const refreshPush = () => void import('./lib/push').then((m) => m.refreshPush()).catch(() => {});

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then(refreshPush, () => {
      /* the app works without it, only not offline */
    });
  });
  let signedIn = !!session.get();
  session.subscribe((s) => {
    if (s && !signedIn) refreshPush();
    signedIn = !!s;
  });
}
