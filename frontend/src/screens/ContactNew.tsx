// Adding a contact on the phone: the rep who meets a new warehouse manager records them
// there and then. Name, title, department, mobile, phone, email, WeChat; it goes through
// the offline queue (sent once, whatever the network does). With `cid`, the same form
// edits a contact, with the version it read (someone else's edit meanwhile is a conflict
// the queue shows side by side).
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, online } from '../lib/api';
import { messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Query } from '../ui/bits';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { accountName } from './AccountTabs';
import { blank, contactErrors, type Fields } from './contactForm';

const t = messages(
  'contactNew',
  {
    title: 'New contact',
    editTitle: 'Edit contact',
    name: 'Name',
    jobTitle: 'Job title',
    department: 'Department',
    mobile: 'Mobile',
    phone: 'Office phone',
    email: 'Email',
    wechat: 'WeChat ID',
    save: 'Save contact',
    needName: 'Write the contact’s name.',
    badEmail: 'This is not an email address.',
    badPhone: 'A phone number has digits, spaces, +, - and ( ) only.',
    savedOnline: 'Contact saved.',
    savedOffline: 'Contact saved on this phone. It will be sent when the network returns.',
    backToAccount: 'Back to the account',
    another: 'Add another',
  },
  {
    title: '新建联系人',
    editTitle: '编辑联系人',
    name: '姓名',
    jobTitle: '职务',
    department: '部门',
    mobile: '手机',
    phone: '办公电话',
    email: '邮箱',
    wechat: '微信号',
    save: '保存联系人',
    needName: '请填写联系人姓名。',
    badEmail: '邮箱地址格式不正确。',
    badPhone: '电话号码只能包含数字、空格、+、- 和括号。',
    savedOnline: '联系人已保存。',
    savedOffline: '联系人已保存在手机上，联网后自动发送。',
    backToAccount: '返回客户',
    another: '再添加一位',
  },
);

const ContactNewAccount = graphql(`
  query ContactNewAccount($id: ID!) { node(id: $id) { id ... on Customer { name } } }
`);

const ContactToEdit = graphql(`
  query ContactToEdit($id: ID!) { node(id: $id) { id ... on Contact { name title department mobile phone email wechat version } } }
`);

/** An edit's input: what is typed, and cleared for what was emptied. */
export function editInput(f: Fields, department: string | null, version: number): Record<string, unknown> {
  const input: Record<string, unknown> = { name: f.name.trim(), version };
  for (const [k, clear] of [
    ['title', 'clearTitle'],
    ['mobile', 'clearMobile'],
    ['phone', 'clearPhone'],
    ['email', 'clearEmail'],
    ['wechat', 'clearWechat'],
  ] as const) {
    const v = f[k].trim();
    if (v) input[k] = v;
    else input[clear] = true;
  }
  if (department) input.department = department;
  return input;
}

const DEPARTMENTS = ['PURCHASING', 'TECHNICAL', 'QC', 'WAREHOUSE', 'PRODUCTION', 'GENERAL_MANAGEMENT', 'FINANCE', 'OTHER'] as const;

export function ContactNew({ id, cid }: { id: string; cid?: string }) {
  const on = useStore(online);
  const name = accountName(useQuery(ContactNewAccount, { id }).data);
  const [f, setF] = useState<Fields>(blank);
  const [department, setDepartment] = useState<string | null>(null);
  const [errs, setErrs] = useState<ReturnType<typeof contactErrors>>({});
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const current = useQuery(ContactToEdit, { id: cid ?? '' }, { skip: !cid });
  // The contact as read, once: the form then holds the rep's edits.
  useEffect(() => {
    const c = current.data?.node;
    if (!c || !('version' in c) || version != null) return;
    const s = (x: string | null | undefined) => x ?? '';
    setF({ name: c.name, title: s(c.title), mobile: s(c.mobile), phone: s(c.phone), email: s(c.email), wechat: s(c.wechat) });
    setDepartment(c.department ?? null);
    setVersion(c.version);
  }, [current.data]);

  async function save(e: Event) {
    e.preventDefault();
    const found = contactErrors(f);
    setErrs(found);
    if (Object.keys(found).length) return;
    if (cid) {
      if (version == null) return;
      await queue.enqueue({
        id: newId(),
        kind: 'contactEdit',
        label: `${t('editTitle')} — ${f.name.trim()}`,
        customerID: id,
        recordID: cid,
        vars: { id: cid, input: editInput(f, department, version) },
      });
      setSaved(on ? 'online' : 'offline');
      return;
    }
    const v = (s: string) => s.trim() || null;
    await queue.enqueue({
      id: newId(),
      kind: 'contact',
      label: `${t('title')} — ${f.name.trim()}`,
      customerID: id,
      vars: {
        input: {
          customerID: id,
          name: f.name.trim(),
          title: v(f.title),
          department,
          mobile: v(f.mobile),
          phone: v(f.phone),
          email: v(f.email),
          wechat: v(f.wechat),
        },
      },
    });
    setSaved(on ? 'online' : 'offline');
  }

  const field = (k: keyof Fields, type = 'text', inputMode?: string) => (
    <label class="field">
      <span>{t(k === 'title' ? 'jobTitle' : k)}</span>
      <input
        name={k}
        type={type}
        inputMode={inputMode as any}
        value={f[k]}
        aria-invalid={errs[k] ? true : undefined}
        aria-describedby={errs[k] ? `${k}-err` : undefined}
        onInput={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      />
      {errs[k] && (
        <span class="field-error" id={`${k}-err`} style={{ display: 'block' }}>
          {t(errs[k]!)}
        </span>
      )}
    </label>
  );

  return (
    <>
      <Header title={name ? `${t(cid ? 'editTitle' : 'title')} · ${name}` : t(cid ? 'editTitle' : 'title')} back={`/customers/${id}`} />
      <main class="content">
        {saved ? (
          <SavedCard saved={saved} online={t('savedOnline')} offline={t('savedOffline')}>
            <div class="btn-row">
              <a class="btn primary" href={`/customers/${id}`}>
                {t('backToAccount')}
              </a>
              {!cid && (
                <button
                  type="button"
                  class="btn"
                  onClick={() => {
                    setF(blank);
                    setDepartment(null);
                    setSaved(null);
                  }}
                >
                  {t('another')}
                </button>
              )}
            </div>
          </SavedCard>
        ) : cid && version == null ? (
          // The contact is read before it is edited (an error or an offline miss says so).
          <Query q={current}>{() => null}</Query>
        ) : (
          <form onSubmit={save} noValidate>
            {field('name')}
            {field('title')}
            <fieldset>
              <legend>{t('department')}</legend>
              <div class="chips">
                {DEPARTMENTS.map((d) => (
                  <button type="button" class="chip" aria-pressed={department === d} onClick={() => setDepartment(department === d ? null : d)}>
                    {label('ContactDepartment', d)}
                  </button>
                ))}
              </div>
            </fieldset>
            {field('mobile', 'tel', 'tel')}
            {field('phone', 'tel', 'tel')}
            {field('email', 'email', 'email')}
            {field('wechat')}
            <FormStatus err={Object.keys(errs).length ? t(Object.values(errs)[0]!) : ''} />
            <button type="submit" class="btn primary block">
              {t('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
