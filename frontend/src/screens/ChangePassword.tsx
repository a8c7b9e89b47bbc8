// Changing one's password: in Settings, and — after signing in with a temporary
// password an admin gave — as the only screen until it is done (the server refuses
// everything else with PASSWORD_CHANGE_REQUIRED).
import { useState } from 'preact/hooks';
import { ApiError, changePassword, signOut } from '../lib/api';
import { messages } from '../lib/i18n';
import { navigate } from '../lib/router';
import { FormStatus } from '../ui/FormStatus';

const t = messages(
  'password',
  {
    title: 'Change password',
    forcedTitle: 'Choose your own password',
    forcedExplain: 'You signed in with a temporary password. Choose a password of your own to continue.',
    current: 'Current password',
    currentTemp: 'Temporary password',
    next: 'New password (at least 10 characters)',
    again: 'New password again',
    save: 'Change password',
    saving: 'Changing…',
    mismatch: 'The two new passwords differ.',
    short: 'The new password needs at least 10 characters.',
    wrong: 'The current password is wrong.',
    done: 'Password changed.',
    signOut: 'Sign out',
  },
  {
    title: '修改密码',
    forcedTitle: '设置你自己的密码',
    forcedExplain: '你使用临时密码登录。请设置自己的密码后继续。',
    current: '当前密码',
    currentTemp: '临时密码',
    next: '新密码（至少 10 个字符）',
    again: '再次输入新密码',
    save: '修改密码',
    saving: '修改中…',
    mismatch: '两次输入的新密码不一致。',
    short: '新密码至少需要 10 个字符。',
    wrong: '当前密码错误。',
    done: '密码已修改。',
    signOut: '退出登录',
  },
);

/** The form; forced: the full-screen version shown after a temporary password. */
export function ChangePasswordForm({ forced }: { forced?: boolean }) {
  const [f, setF] = useState({ current: '', next: '', again: '' });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  async function submit(e: Event) {
    e.preventDefault();
    setFlash('');
    if (f.next.length < 10) return setErr(t('short'));
    if (f.next !== f.again) return setErr(t('mismatch'));
    setBusy(true);
    setErr('');
    try {
      await changePassword(f.current, f.next);
      setF({ current: '', next: '', again: '' });
      setFlash(t('done'));
      if (forced) navigate('/', true);
    } catch (x) {
      setErr(x instanceof ApiError && x.extensions.field === 'currentPassword' ? t('wrong') : (x as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const input = (k: keyof typeof f, label: string, auto: string) => (
    <label class="field">
      <span>{label}</span>
      <input type="password" autocomplete={auto} value={f[k]} onInput={(e) => setF({ ...f, [k]: e.currentTarget.value })} required />
    </label>
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {input('current', forced ? t('currentTemp') : t('current'), 'current-password')}
      {input('next', t('next'), 'new-password')}
      {input('again', t('again'), 'new-password')}
      <FormStatus err={err} flash={flash} />
      <button class="btn primary block" type="submit" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
    </form>
  );
}

/** The only screen of a user who must change a temporary password. */
export function ForcedPasswordChange() {
  return (
    <main class="signin" id="main">
      <h1>{t('forcedTitle')}</h1>
      <p class="muted">{t('forcedExplain')}</p>
      <ChangePasswordForm forced />
      <button type="button" class="btn ghost block" onClick={() => void signOut().then(() => navigate('/signin', true))}>
        {t('signOut')}
      </button>
    </main>
  );
}

export const passwordTitle = () => t('title');
