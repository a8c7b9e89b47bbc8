// A small history router: paths like /customers/:id, same-origin <a> clicks handled
// without a reload, and lazy screens.
import { store, useStore } from './store';

export const path = store<string>(typeof location === 'undefined' ? '/' : location.pathname + location.search);

export function navigate(to: string, replace = false): void {
  if (to === path.get()) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.set(to);
  window.scrollTo(0, 0);
}

export function back(fallback: string): void {
  if (history.length > 1 && document.referrer !== '' || history.state !== null) history.back();
  else navigate(fallback);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => path.set(location.pathname + location.search));
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/explorer') || a.pathname.startsWith('/documents/') || a.pathname.startsWith('/issue-attachments/') || a.pathname.startsWith('/project-documents/') || a.pathname.startsWith('/media/') || a.pathname.startsWith('/graphql')) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
}

export function match(pattern: string, p: string): Record<string, string> | null {
  const [pathname] = p.split('?');
  const a = pattern.split('/').filter(Boolean);
  const b = pathname.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

export function useQueryParam(name: string): string | null {
  const p = useStore(path);
  const i = p.indexOf('?');
  return i < 0 ? null : new URLSearchParams(p.slice(i + 1)).get(name);
}
