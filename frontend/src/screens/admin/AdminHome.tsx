// The administration index: one link per admin screen (admins only; the server
// refuses the operations to everyone else whatever the app shows).
import { session } from '../../lib/api';
import { useStore } from '../../lib/store';
import { Empty } from '../../ui/bits';
import { Header } from '../../ui/Layout';
import { t } from './admin.i18n';

export const adminPages = ['users', 'teams', 'tokens', 'webhooks', 'classification', 'audit'] as const;

/** Shown instead of an admin screen to anyone but an admin. */
export function AdminOnly({ children }: { children: preact.ComponentChildren }) {
  const s = useStore(session);
  if (s?.user.role !== 'ADMIN') return <Empty>{t('forbidden')}</Empty>;
  return <>{children}</>;
}

export function AdminHome() {
  return (
    <>
      <Header title={t('title')} back="/settings" />
      <main class="content">
        <AdminOnly>
          <ul class="plain-list">
            {adminPages.map((p) => (
              <li key={p}>
                <a class="btn block" href={`/admin/${p}`}>
                  {t(p)}
                </a>
              </li>
            ))}
          </ul>
        </AdminOnly>
      </main>
    </>
  );
}
