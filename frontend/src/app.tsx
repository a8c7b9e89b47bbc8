// Routes and the signed-in gate. The sign-in and Today screens are in the first
// download; every other screen is loaded when first opened (and cached by the
// service worker for offline use).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from './lib/api';
import { lang } from './lib/i18n';
import { match, navigate, path } from './lib/router';
import { useStore } from './lib/store';
import { todayBadge } from './lib/badge';
import { ErrorBox, Loading } from './ui/bits';
import { Shell } from './ui/Layout';
import { SignIn } from './screens/SignIn';
import { Today } from './screens/Today';


type Params = Record<string, string>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = () => Promise<ComponentType<any>>;

const routes: { pattern: string; load?: Loader; component?: ComponentType<Params>; bare?: boolean }[] = [
  { pattern: '/', component: Today as ComponentType<Params> },
  { pattern: '/accounts/new', load: () => import('./screens/More').then((m) => m.NewAccount) },
  { pattern: '/accounts/nearby', load: () => import('./screens/Nearby').then((m) => m.Nearby) },
  { pattern: '/team', load: () => import('./screens/Team').then((m) => m.Team) },
  { pattern: '/stock', load: () => import('./screens/Stock').then((m) => m.StockPlans) },
  { pattern: '/stock/:productID', load: () => import('./screens/Stock').then((m) => m.StockProduct) },
  { pattern: '/team/:id', load: () => import('./screens/TheirToday').then((m) => m.TheirToday) },
  { pattern: '/acks/:id', load: () => import('./screens/More').then((m) => m.NoticeAck) },
  { pattern: '/accounts', load: () => import('./screens/Accounts').then((m) => m.Accounts) },
  { pattern: '/customers/:id', load: () => import('./screens/Account').then((m) => m.Account) },
  { pattern: '/customers/:id/merge/:otherId', load: () => import('./screens/Merge').then((m) => m.Merge) },
  { pattern: '/customers/:id/contacts/new', load: () => import('./screens/ContactNew').then((m) => m.ContactNew) },
  { pattern: '/customers/:id/contacts/:cid/edit', load: () => import('./screens/ContactNew').then((m) => m.ContactNew) },
  { pattern: '/customers/:id/needs/new', load: () => import('./screens/NeedNew').then((m) => m.NeedNew) },
  { pattern: '/customers/:id/keypersons/new', load: () => import('./screens/KeyPersonForm').then((m) => m.KeyPersonForm) },
  { pattern: '/customers/:id/keypersons/:kp', load: () => import('./screens/KeyPersonForm').then((m) => m.KeyPersonForm) },
  { pattern: '/customers/:id/competitors/new', load: () => import('./screens/CompetitorForm').then((m) => m.CompetitorForm) },
  { pattern: '/customers/:id/competitors/:cid', load: () => import('./screens/CompetitorForm').then((m) => m.CompetitorForm) },
  { pattern: '/customers/:id/pitches/new', load: () => import('./screens/PitchForm').then((m) => m.PitchForm) },
  { pattern: '/customers/:id/pitches/:pid', load: () => import('./screens/PitchForm').then((m) => m.PitchForm) },
  { pattern: '/customers/:id/contacts/merge', load: () => import('./screens/ContactMerge').then((m) => m.ContactMerge) },
  { pattern: '/customers/:id/visit', load: () => import('./screens/Visit').then((m) => m.Visit) },
  { pattern: '/customers/:id/plan', load: () => import('./screens/PlanVisit').then((m) => m.PlanVisit) },
  { pattern: '/customers/:id/timeline', load: () => import('./screens/AccountTabs').then((m) => m.Timeline) },
  { pattern: '/customers/:id/documents', load: () => import('./screens/AccountTabs').then((m) => m.Documents) },
  { pattern: '/customers/:id/profile', load: () => import('./screens/AccountTabs').then((m) => m.Profile) },
  { pattern: '/customers/:id/samples', load: () => import('./screens/Samples').then((m) => m.SampleList) },
  { pattern: '/customers/:id/samples/new', load: () => import('./screens/Samples').then((m) => m.SampleNew) },
  { pattern: '/samples/:id', load: () => import('./screens/Samples').then((m) => m.SampleDetail) },
  { pattern: '/customers/:id/orders', load: () => import('./screens/Orders').then((m) => m.OrderList) },
  { pattern: '/customers/:id/orders/new', load: () => import('./screens/OrderNew').then((m) => m.OrderNew) },
  { pattern: '/orders/:id', load: () => import('./screens/Orders').then((m) => m.OrderDetail) },
  { pattern: '/customers/:id/problems', load: () => import('./screens/Problems').then((m) => m.ProblemList) },
  { pattern: '/customers/:id/problems/new', load: () => import('./screens/Problems').then((m) => m.ProblemNew) },
  { pattern: '/problems/:id', load: () => import('./screens/Problems').then((m) => m.ProblemDetail) },
  { pattern: '/customers/:id/quotations/new', load: () => import('./screens/QuotationForm').then((m) => m.QuotationForm) },
  { pattern: '/quotations/:qid', load: () => import('./screens/QuotationDetail').then((m) => m.QuotationDetail) },
  { pattern: '/quotations/:qid/edit', load: () => import('./screens/QuotationForm').then((m) => m.QuotationForm) },
  { pattern: '/quotations/:qid/print', load: () => import('./screens/QuotationPrint').then((m) => m.QuotationPrint), bare: true },
  { pattern: '/customers/:id/credit', load: () => import('./screens/CreditForm').then((m) => m.CreditForm) },
  { pattern: '/customers/:id/projects/new', load: () => import('./screens/ProjectForm').then((m) => m.ProjectForm) },
  { pattern: '/projects/:pid', load: () => import('./screens/ProjectDetail').then((m) => m.ProjectDetail) },
  { pattern: '/projects/:pid/edit', load: () => import('./screens/ProjectForm').then((m) => m.ProjectForm) },
  { pattern: '/customers/:id/report', load: () => import('./screens/Report').then((m) => m.Report), bare: true },
  { pattern: '/admin', load: () => import('./screens/admin/AdminHome').then((m) => m.AdminHome) },
  { pattern: '/admin/users', load: () => import('./screens/admin/AdminUsers').then((m) => m.AdminUsers) },
  { pattern: '/admin/teams', load: () => import('./screens/admin/AdminTeams').then((m) => m.AdminTeams) },
  { pattern: '/admin/tokens', load: () => import('./screens/admin/AdminTokens').then((m) => m.AdminTokens) },
  { pattern: '/admin/webhooks', load: () => import('./screens/admin/AdminWebhooks').then((m) => m.AdminWebhooks) },
  { pattern: '/admin/classification', load: () => import('./screens/admin/AdminClassification').then((m) => m.AdminClassification) },
  { pattern: '/admin/audit', load: () => import('./screens/admin/AdminAudit').then((m) => m.AdminAudit) },
  { pattern: '/import', load: () => import('./screens/ImportStart').then((m) => m.Data) },
  { pattern: '/import/:id', load: () => import('./screens/ImportJob').then((m) => m.ImportJob) },
  { pattern: '/settings', load: () => import('./screens/Settings').then((m) => m.Settings) },
];

const loaded = new Map<Loader, ComponentType<Params>>();
// Only a user with a temporary password needs it: not in the first download.
const loadForcedChange: Loader = () => import('./screens/ChangePassword').then((m) => m.ForcedPasswordChange);

function Lazy({ load, params }: { load: Loader; params: Params }) {
  const [C, setC] = useState<ComponentType<Params> | undefined>(() => loaded.get(load));
  const [err, setErr] = useState<unknown>();
  useEffect(() => {
    if (C) return;
    load().then(
      (c) => {
        loaded.set(load, c);
        setC(() => c);
      },
      (e) => setErr(e),
    );
  }, [load]);
  if (err) return <ErrorBox error={err} onRetry={() => location.reload()} />;
  return C ? <C {...params} /> : <Loading />;
}

function NotFound() {
  return (
    <main class="content">
      <ErrorBox error={new Error('404')} />
      <a class="btn" href="/">
        ←
      </a>
    </main>
  );
}

export function App() {
  const p = useStore(path);
  const s = useStore(session);
  const l = useStore(lang);
  const badge = useStore(todayBadge);

  useEffect(() => {
    if (!s && !p.startsWith('/signin')) navigate('/signin?next=' + encodeURIComponent(p), true);
  }, [s, p]);

  if (!s || p.startsWith('/signin')) return <SignIn key={l} />;
  // A temporary password: nothing else until the user has chosen their own.
  if (s.mustChangePassword) return <Lazy key={l} load={loadForcedChange} params={{}} />;

  for (const r of routes) {
    const params = match(r.pattern, p);
    if (!params) continue;
    const body = r.component ? <r.component {...params} /> : <Lazy load={r.load!} params={params} />;
    if (r.bare) return <div key={l + p}>{body}</div>;
    return (
      <Shell key={l} badge={badge}>
        <div key={p}>{body}</div>
      </Shell>
    );
  }
  return (
    <Shell key={l} badge={badge}>
      <NotFound />
    </Shell>
  );
}
