// The explorer page (explorer.html, served at /explorer): GraphiQL for analysts, on the
// phone app's session. Only the gate lives in this entry; GraphiQL and Monaco load
// (explorer-ide.tsx) once the user may use them.
import { render } from 'preact';
import { label } from '../i18n/enums';
import { session } from '../lib/api';
import { canExplore, signInAgain, syncSession } from './access';
import { tx } from './explorer.i18n';
import './explorer.css';

const root = document.getElementById('explorer')!;
document.title = `Tandem · ${tx('title')}`;

function NotAllowed({ name, role }: { name: string; role: string }) {
  return (
    <main class="x-gate" data-testid="explorer-not-allowed">
      <h1>{tx('notAllowedTitle')}</h1>
      <p>{tx('notAllowed', { name, role: label('UserRole', role) || role || '—' })}</p>
      <p>
        <a class="x-button" href="/">
          {tx('backToApp')}
        </a>
      </p>
    </main>
  );
}

function Failed({ message }: { message: string }) {
  return (
    <main class="x-gate" role="alert">
      <h1>{tx('title')}</h1>
      <p>{message}</p>
      <p>
        <button type="button" class="x-button" onClick={() => location.reload()}>
          {tx('reload')}
        </button>
      </p>
    </main>
  );
}

const s = syncSession();
if (!s) {
  signInAgain(true);
} else {
  render(
    <p class="x-loading" aria-live="polite">
      {tx('loading')}
    </p>,
    root,
  );
  canExplore(s)
    .then((may) => {
      const now = session.get() ?? s;
      if (!may) {
        render(<NotAllowed name={now.user?.name ?? now.user?.email ?? ''} role={now.user?.role ?? ''} />, root);
        return;
      }
      return import('./explorer-ide').then((m) => {
        render(null, root);
        m.mount(root);
      });
    })
    .catch((e: unknown) => render(<Failed message={(e as Error).message} />, root));
}
