import { render } from 'preact';
import { App } from './app';
import { startQueue } from './lib/offline';
import { pruneCache } from './lib/query';
import './styles.css';

render(<App />, document.getElementById('app')!);
startQueue();
void pruneCache();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* the app works without it, only not offline */
    });
  });
}
