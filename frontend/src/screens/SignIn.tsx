import { useState } from 'preact/hooks';
import { ApiError, OfflineError, signIn } from '../lib/api';
import { lang, messages } from '../lib/i18n';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';

const t = messages(
  'signin',
  {
    title: 'Sign in to Tandem',
    tagline: 'Your customers, samples, orders and problems — in your pocket, online or not.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    bad: 'The email or password is wrong.',
    limited: 'Too many attempts. Try again in {s} seconds.',
    offline: 'No network: signing in needs a connection once. Afterwards the app works offline.',
    missing: 'Enter your email and password.',
    language: '中文',
  },
  {
    title: '登录 Tandem',
    tagline: '客户、样品、订单和问题都在手机上，离线也能用。',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    busy: '登录中…',
    bad: '邮箱或密码错误。',
    limited: '尝试次数过多，请 {s} 秒后再试。',
    offline: '没有网络：首次登录需要联网，之后可离线使用。',
    missing: '请输入邮箱和密码。',
    language: 'English',
  },
);

export function SignIn() {
  const l = useStore(lang);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: Event) {
    e.preventDefault();
    if (!email.trim() || !password) return setError(t('missing'));
    setBusy(true);
    setError('');
    try {
      await signIn(email.trim(), password);
      const next = new URLSearchParams(location.search).get('next');
      const to = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/';
      // The explorer is its own page, served by the server.
      if (to.startsWith('/explorer')) location.assign(to);
      else navigate(to, true);
    } catch (err) {
      if (err instanceof OfflineError) setError(t('offline'));
      else if (err instanceof ApiError && err.code === 'RATE_LIMITED')
        setError(t('limited', { s: Number(err.extensions.retryAfterSeconds ?? 60) }));
      else if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'BAD_USER_INPUT')) setError(t('bad'));
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin" id="main">
      <button type="button" class="btn ghost lang-switch" onClick={() => lang.set(l === 'zh' ? 'en' : 'zh')}>
        {t('language')}
      </button>
      <div class="signin-brand" aria-hidden="true">
        T
      </div>
      <h1>{t('title')}</h1>
      <p class="muted">{t('tagline')}</p>
      <form onSubmit={submit} noValidate>
        <label class="field">
          <span>{t('email')}</span>
          <input
            type="email"
            name="email"
            autocomplete="username"
            inputMode="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            required
          />
        </label>
        <label class="field">
          <span>{t('password')}</span>
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="btn primary block" type="submit" disabled={busy}>
          {busy ? t('busy') : t('submit')}
        </button>
      </form>
    </main>
  );
}
