// Settings: language, the offline queue (with conflicts shown side by side), sign out.
import { useState } from 'preact/hooks';
import { mayExplore, online, session, signOut } from '../lib/api';
import { formatDate, lang, messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { pruneCache } from '../lib/query';
import type { QueueItem } from '../lib/queue';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, Empty, Section } from '../ui/bits';
import { Header } from '../ui/Layout';
import { ExchangeRates } from './ExchangeRates';
import { ChangePasswordForm, passwordTitle } from './ChangePassword';
import { mayImport } from './importLogic';
import { countMedia } from './mediaLogic';
import { countText } from './media.i18n';
import { Reminders } from './Reminders';

const t = messages(
  'settings',
  {
    title: 'Settings',
    language: 'Language',
    signedInAs: 'Signed in as {name} ({email})',
    queue: 'Offline queue',
    queueEmpty: 'Everything is sent.',
    online: 'Online',
    offline: 'Offline',
    sendNow: 'Send now',
    pending: 'waiting',
    sending: 'sending',
    failed: 'refused',
    conflict: 'conflict',
    made: 'made {when}',
    attempts: '{n} attempts',
    conflictExplain: 'Someone changed this record on the server after you read it. Compare and decide:',
    mine: 'Your change',
    theirs: 'On the server now',
    applyMine: 'Apply mine on top',
    retry: 'Send again',
    discard: 'Discard',
    discardConfirm: 'Discard “{label}” for good?',
    yesDiscard: 'Yes, discard',
    keep: 'Keep it',
    signOut: 'Sign out',
    signOutConfirm: 'Sign out of Tandem on this phone?',
    signOutPending: '{n} changes have not reached the server yet. Signing out discards them.',
    yesSignOut: 'Yes, sign out',
    explorer: 'GraphQL explorer (analysts)',
    admin: 'Administration: users, teams, tokens, webhooks, audit log',
    data: 'Data: import and export',
  },
  {
    title: '设置',
    language: '语言',
    signedInAs: '当前用户：{name}（{email}）',
    queue: '离线队列',
    queueEmpty: '全部已发送。',
    online: '在线',
    offline: '离线',
    sendNow: '立即发送',
    pending: '待发送',
    sending: '发送中',
    failed: '被拒绝',
    conflict: '冲突',
    made: '创建于 {when}',
    attempts: '已尝试 {n} 次',
    conflictExplain: '你读取之后，服务器上的记录已被他人修改。请对比后决定：',
    mine: '你的修改',
    theirs: '服务器上的当前版本',
    applyMine: '在最新版本上应用我的修改',
    retry: '重新发送',
    discard: '放弃',
    discardConfirm: '确定放弃“{label}”？',
    yesDiscard: '确定放弃',
    keep: '保留',
    signOut: '退出登录',
    signOutConfirm: '确定在此手机上退出 Tandem？',
    signOutPending: '还有 {n} 条修改未发送到服务器，退出将丢弃它们。',
    yesSignOut: '确定退出',
    explorer: 'GraphQL 查询工具（分析师）',
    admin: '系统管理：用户、团队、令牌、推送、操作日志',
    data: '数据：导入与导出',
  },
);

/** The fields of a change worth showing: what it sets, not the plumbing. */
function describe(v: Record<string, any> | undefined): [string, string][] {
  if (!v) return [];
  const out: [string, string][] = [];
  const skip = new Set(['id', 'customerID', 'ourParticipantIDs', 'theirParticipantIDs', '__typename', 'checklist']);
  for (const [k, val] of Object.entries(v)) {
    if (skip.has(k) || val == null || val === '') continue;
    if (typeof val === 'object') continue;
    let s = String(val);
    if (k === 'to' || k === 'status') s = label('SampleStatus', s) !== s ? label('SampleStatus', s) : label('IssueStatus', s);
    if (k === 'step') s = label('OrderEventStep', s);
    if (/At$|Due$/.test(k)) s = formatDate(s, true);
    out.push([k, s]);
  }
  return out;
}

function Item({ it }: { it: QueueItem }) {
  const [confirm, setConfirm] = useState(false);
  const tone = it.status === 'conflict' || it.status === 'failed' ? 'bad' : it.status === 'sending' ? 'info' : 'warn';
  const mine = describe(it.vars.input ?? it.vars);
  const theirs = describe(it.theirs);
  return (
    <li class="card queue-item">
      <h3>
        {it.label} <Badge tone={tone}>{t(it.status)}</Badge>
      </h3>
      <p class="muted small">
        {t('made', { when: formatDate(new Date(it.createdAt).toISOString(), true) })}
        {it.attempts ? ' · ' + t('attempts', { n: it.attempts }) : ''}
        {it.files?.length ? ' · ' + countText(countMedia(it.files)) : ''}
      </p>
      {it.error && (
        <p class="error" role="alert">
          {it.error.code}: {it.error.message}
        </p>
      )}
      {it.status === 'conflict' && (
        <>
          <p class="small">{t('conflictExplain')}</p>
          <div class="compare">
            <div>
              <h4>{t('mine')}</h4>
              <dl class="kv small">
                {mine.map(([k, v]) => (
                  <>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </>
                ))}
              </dl>
            </div>
            <div>
              <h4>{t('theirs')}</h4>
              <dl class="kv small">
                {theirs.map(([k, v]) => (
                  <>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </>
                ))}
              </dl>
            </div>
          </div>
        </>
      )}
      {confirm ? (
        <div class="confirm" role="group" aria-label={t('discardConfirm', { label: it.label })}>
          <p>{t('discardConfirm', { label: it.label })}</p>
          <div class="btn-row">
            <button type="button" class="btn danger" onClick={() => void queue.discard(it.id)}>
              {t('yesDiscard')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirm(false)}>
              {t('keep')}
            </button>
          </div>
        </div>
      ) : (
        (it.status === 'conflict' || it.status === 'failed') && (
          <div class="btn-row">
            <button type="button" class="btn primary" onClick={() => void queue.retry(it.id)}>
              {it.status === 'conflict' ? t('applyMine') : t('retry')}
            </button>
            <button type="button" class="btn danger" onClick={() => setConfirm(true)}>
              {t('discard')}
            </button>
          </div>
        )
      )}
    </li>
  );
}

export function Settings() {
  const l = useStore(lang);
  const s = useStore(session);
  const on = useStore(online);
  const items = useStore(queue.items);
  const [confirmOut, setConfirmOut] = useState(false);
  const unsent = items.length;
  const analyst = mayExplore(s);

  async function doSignOut() {
    for (const it of items) await queue.discard(it.id);
    await pruneCache(true);
    await signOut();
    navigate('/signin', true);
  }

  return (
    <>
      <Header title={t('title')} />
      <main class="content">
        {s && <p class="muted">{t('signedInAs', { name: s.user.name, email: s.user.email })}</p>}
        <Section title={t('language')} id="lang">
          <div class="chips" role="group" aria-label={t('language')}>
            <button type="button" class="chip" aria-pressed={l === 'zh'} onClick={() => lang.set('zh')} lang="zh-CN">
              中文
            </button>
            <button type="button" class="chip" aria-pressed={l === 'en'} onClick={() => lang.set('en')} lang="en">
              English
            </button>
          </div>
        </Section>

        <Section title={t('queue')} count={items.length} id="queue">
          <p class="small">
            <Badge tone={on ? 'good' : 'warn'}>{on ? t('online') : t('offline')}</Badge>
          </p>
          {items.length ? (
            <>
              <ul class="plain-list">
                {items.map((it) => (
                  <Item it={it} key={it.id} />
                ))}
              </ul>
              <button type="button" class="btn block" onClick={() => void queue.flush()}>
                {t('sendNow')}
              </button>
            </>
          ) : (
            <Empty>{t('queueEmpty')}</Empty>
          )}
        </Section>

        {s && s.user.role !== 'PARTNER' && <Reminders />}

        {s && ['ADMIN', 'MANAGER', 'ANALYST'].includes(s.user.role) && <ExchangeRates canWrite={s.user.role === 'ADMIN'} />}

        {s?.user.role === 'ADMIN' && (
          <p>
            <a class="btn block" href="/admin">
              {t('admin')}
            </a>
          </p>
        )}

        {mayImport(s) && (
          <p>
            <a class="btn block" href="/import">
              {t('data')}
            </a>
          </p>
        )}

        <Section title={passwordTitle()} id="password">
          <ChangePasswordForm />
        </Section>

        {analyst && (
          <p>
            <a class="btn block" href="/explorer">
              {t('explorer')}
            </a>
          </p>
        )}

        <Section title={t('signOut')} id="signout">
          {confirmOut ? (
            <div class="confirm card">
              <p>{t('signOutConfirm')}</p>
              {unsent > 0 && (
                <p class="error" role="alert">
                  {t('signOutPending', { n: unsent })}
                </p>
              )}
              <div class="btn-row">
                <button type="button" class="btn danger" onClick={() => void doSignOut()}>
                  {t('yesSignOut')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirmOut(false)}>
                  {t('keep')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="btn danger block" onClick={() => setConfirmOut(true)}>
              {t('signOut')}
            </button>
          )}
        </Section>
      </main>
    </>
  );
}
