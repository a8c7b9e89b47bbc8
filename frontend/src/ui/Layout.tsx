// The frame of every signed-in screen: a header with the way back, the offline banner
// with the queue's state, the content, and the bottom navigation a thumb can reach.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { online, session } from '../lib/api';
import { countText, type Counted } from '../lib/count';
import { queue, synced } from '../lib/offline';
import { path } from '../lib/router';
import { useStore } from '../lib/store';
import { tc } from './common.i18n';
import { PushNotice } from './PushNotice';

export function Header({ title, back, actions }: { title: string; back?: string; actions?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Tandem`;
  }, [title]);
  return (
    <header class="top">
      {back ? (
        <a class="top-back" href={back} aria-label={tc('back')}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
          </svg>
        </a>
      ) : (
        <span class="top-logo" aria-hidden="true">T</span>
      )}
      <h1 class="top-title">{title}</h1>
      {actions && <div class="top-actions">{actions}</div>}
    </header>
  );
}

/** How long "synced: 3 sent" stays in the status bar. */
const SYNCED_MS = 5000;

function StatusBar() {
  const on = useStore(online);
  const items = useStore(queue.items);
  const last = useStore(synced);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!last) return;
    setNow(Date.now());
    const h = setTimeout(() => setNow(Date.now()), SYNCED_MS);
    return () => clearTimeout(h);
  }, [last]);
  const waiting = items.filter((i) => i.status === 'pending' || i.status === 'sending').length;
  const parked = items.filter((i) => i.status === 'conflict' || i.status === 'failed').length;
  const justSynced = !!last && !waiting && now - last.at < SYNCED_MS;
  if (on && !waiting && !parked && !justSynced) return <div role="status" class="sr-only" />;
  return (
    <div role="status">
      <a href="/settings#queue" class={'statusbar' + (on ? '' : ' off')}>
        {!on && <span>{tc('offlineBanner')}</span>}
        {waiting > 0 && <span class="pill">{tc('waiting', { n: waiting })}</span>}
        {justSynced && <span class="pill good">{tc('synced', { n: last.n })}</span>}
        {parked > 0 && <span class="pill bad">{tc('needsAttention', { n: parked })}</span>}
      </a>
    </div>
  );
}

const tabs: { href: string; key: 'today' | 'accounts' | 'team' | 'settings'; icon: string; managers?: boolean }[] = [
  { href: '/', key: 'today', icon: 'M4 6h16M4 12h16M4 18h10' },
  { href: '/accounts', key: 'accounts', icon: 'M4 20V6l8-3 8 3v14M9 20v-5h6v5' },
  // Managers and admins: the team at a glance.
  { href: '/team', key: 'team', icon: 'M8 11a3 3 0 100-6 3 3 0 000 6zM16 11a3 3 0 100-6 3 3 0 000 6zM2 20c0-3 3-5 6-5s6 2 6 5M14 15c3 0 8 1 8 5', managers: true },
  { href: '/settings', key: 'settings', icon: 'M12 8a4 4 0 100 8 4 4 0 000-8zM3 12h2M19 12h2M12 3v2M12 19v2' },
];

export function Shell({ children, badge }: { children: ComponentChildren; badge?: Counted }) {
  const p = useStore(path).split('?')[0];
  const role = useStore(session)?.user.role;
  const manages = role === 'MANAGER' || role === 'ADMIN';
  const active =
    p === '/' ? '/' : p.startsWith('/settings') || p.startsWith('/import') ? '/settings' : p.startsWith('/team') ? '/team' : p.startsWith('/stock') ? (manages ? '/team' : '/') : '/accounts';
  return (
    <>
      <a class="skip" href="#main">
        {tc('skip')}
      </a>
      <StatusBar />
      <PushNotice />
      <div id="main" class="page">
        {children}
      </div>
      <nav class="tabbar" aria-label={tc('mainNav')}>
        {tabs.filter((t) => !t.managers || manages).map((t) => (
          <a href={t.href} class="tab" aria-current={active === t.href ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path d={t.icon} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            <span>{tc(t.key)}</span>
            {t.key === 'today' && badge?.count ? <span class="tab-badge">{countText(badge.count, badge.atLeast)}</span> : null}
          </a>
        ))}
      </nav>
    </>
  );
}
