// A key person on the phone (关键人): which contact, their role in the decision, which
// decisions they carry, their attitude to us, how often to be in touch, and what they
// need — professionally and personally. New (optionally for a chosen contact: ?contact=)
// or edited with the version read; both through the offline queue.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, online } from '../lib/api';
import { messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { useQueryParam } from '../lib/router';
import { useStore } from '../lib/store';
import { Query } from '../ui/bits';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { ChoiceChips } from '../ui/ChoiceChips';
import { Header } from '../ui/Layout';

const t = messages(
  'keyPersonForm',
  {
    newTitle: 'New key person',
    editTitle: 'Key person',
    contact: 'Contact',
    pick: 'Choose a contact',
    already: '{name} is a key person already: edit them instead.',
    editThem: 'Edit {name}',
    role: 'Role in the decision',
    scope: 'Decisions they carry',
    attitude: 'Attitude to us',
    interval: 'Be in touch every',
    days: '{n} days',
    professionalNeeds: 'Professional needs',
    personalNeeds: 'Personal needs (kept off printed reports unless chosen)',
    save: 'Save key person',
    needContact: 'Choose the contact first.',
    needRole: 'Choose their role in the decision.',
    savedOnline: 'Key person saved.',
    savedOffline: 'Key person saved on this phone. It will be sent when the network returns.',
    backToAccount: 'Back to the account',
    noContacts: 'Add the contact first: a key person is one of the account’s contacts.',
    addContact: 'Add a contact',
  },
  {
    newTitle: '新建关键人',
    editTitle: '关键人',
    contact: '联系人',
    pick: '选择联系人',
    already: '{name}已是关键人：请直接编辑。',
    editThem: '编辑{name}',
    role: '决策中的角色',
    scope: '负责的决策',
    attitude: '对我们的态度',
    interval: '联系间隔',
    days: '{n} 天',
    professionalNeeds: '职业需求',
    personalNeeds: '个人需求（打印报告时默认不包含）',
    save: '保存关键人',
    needContact: '请先选择联系人。',
    needRole: '请选择其决策角色。',
    savedOnline: '关键人已保存。',
    savedOffline: '关键人已保存在手机上，联网后自动发送。',
    backToAccount: '返回客户',
    noContacts: '请先添加联系人：关键人是客户的联系人之一。',
    addContact: '新建联系人',
  },
);

const ROLES = ['DECISION_MAKER', 'INFLUENCER', 'TECHNICAL_EVALUATOR', 'USER', 'GATEKEEPER'] as const;
const SCOPES = ['MATURE_REPLACEMENT', 'NEW_PRODUCT_TRIAL', 'BOTH'] as const;
const ATTITUDES = ['CHAMPION', 'SUPPORTER', 'NEUTRAL', 'SKEPTIC', 'OPPONENT'] as const;
const INTERVALS = [7, 14, 30, 60, 90] as const;

const KeyPersonAccount = graphql(`
  query KeyPersonAccount($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        contacts(first: 100, orderBy: { field: NAME, direction: ASC }) { edges { node { id name title } } }
        keyPersons(first: 100, where: { activeToIsNil: true }) { edges { node { id contact { id } } } }
      }
    }
  }
`);

const KeyPersonToEdit = graphql(`
  query KeyPersonToEdit($id: ID!) {
    node(id: $id) {
      id
      ... on KeyPerson {
        decisionRole scope attitude contactIntervalDays professionalNeeds personalNeeds version
        contact { id name title }
      }
    }
  }
`);

type Form = { contact: string | null; role: string | null; scope: string | null; attitude: string | null; interval: number; pro: string; personal: string };

export function KeyPersonForm({ id, kp }: { id: string; kp?: string }) {
  const on = useStore(online);
  const chosen = useQueryParam('contact');
  const account = useQuery(KeyPersonAccount, { id });
  const current = useQuery(KeyPersonToEdit, { id: kp ?? '' }, { skip: !kp });
  const [f, setF] = useState<Form>({ contact: chosen, role: null, scope: null, attitude: null, interval: 30, pro: '', personal: '' });
  const [version, setVersion] = useState<number | null>(null);
  const [err, setErr] = useState('');
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  useEffect(() => {
    const k = current.data?.node;
    if (!k || !('version' in k) || version != null) return;
    setF({ contact: k.contact.id, role: k.decisionRole, scope: k.scope ?? null, attitude: k.attitude ?? null, interval: k.contactIntervalDays,
      pro: k.professionalNeeds ?? '', personal: k.personalNeeds ?? '' });
    setVersion(k.version);
  }, [current.data]);

  const a = account.data?.node && 'contacts' in account.data.node ? account.data.node : null;
  const contacts = (a?.contacts.edges ?? []).map((e) => e!.node!);
  const keyOf = new Map((a?.keyPersons.edges ?? []).map((e) => [e!.node!.contact.id, e!.node!.id]));
  const existing = !kp && f.contact ? keyOf.get(f.contact) : undefined;
  const who = contacts.find((c) => c.id === f.contact)?.name ?? '';
  const title = kp ? t('editTitle') : t('newTitle');

  async function save(e: Event) {
    e.preventDefault();
    if (!f.contact) return setErr(t('needContact'));
    if (!f.role) return setErr(t('needRole'));
    setErr('');
    const common = {
      decisionRole: f.role,
      contactIntervalDays: f.interval,
      ...(f.scope ? { scope: f.scope } : {}),
      ...(f.attitude ? { attitude: f.attitude } : {}),
    };
    if (kp) {
      if (version == null) return;
      const text = (v: string, key: string, clear: string) => (v.trim() ? { [key]: v.trim() } : { [clear]: true });
      await queue.enqueue({
        id: newId(),
        kind: 'keyPersonEdit',
        label: `${title} — ${who}`,
        customerID: id,
        recordID: kp,
        vars: { id: kp, input: { ...common, ...text(f.pro, 'professionalNeeds', 'clearProfessionalNeeds'), ...text(f.personal, 'personalNeeds', 'clearPersonalNeeds'), version } },
      });
    } else {
      await queue.enqueue({
        id: newId(),
        kind: 'keyPerson',
        label: `${title} — ${who}`,
        customerID: id,
        vars: { input: { ...common, customerID: id, contactID: f.contact, professionalNeeds: f.pro.trim() || null, personalNeeds: f.personal.trim() || null } },
      });
    }
    setSaved(on ? 'online' : 'offline');
  }

  return (
    <>
      <Header title={a?.name ? `${title} · ${a.name}` : title} back={`/customers/${id}`} />
      <main class="content">
        {saved ? (
          <SavedCard saved={saved} online={t('savedOnline')} offline={t('savedOffline')}>
            <a class="btn primary" href={`/customers/${id}`}>
              {t('backToAccount')}
            </a>
          </SavedCard>
        ) : !a || (kp && version == null) ? (
          a ? <Query q={current}>{() => null}</Query> : <Query q={account}>{() => null}</Query>
        ) : !contacts.length ? (
          <div class="card">
            <p>{t('noContacts')}</p>
            <a class="btn primary block" href={`/customers/${id}/contacts/new`}>
              {t('addContact')}
            </a>
          </div>
        ) : (
          <form onSubmit={save} noValidate>
            <label class="field">
              <span>{t('contact')}</span>
              <select value={f.contact ?? ''} disabled={!!kp} onChange={(e) => setF({ ...f, contact: e.currentTarget.value || null })}>
                <option value="">{t('pick')}</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title ? `${c.name} · ${c.title}` : c.name}
                  </option>
                ))}
              </select>
            </label>
            {existing ? (
              <div class="card">
                <p>{t('already', { name: who })}</p>
                <a class="btn primary block" href={`/customers/${id}/keypersons/${existing}`}>
                  {t('editThem', { name: who })}
                </a>
              </div>
            ) : (
              <>
                <ChoiceChips legend={t('role')} values={ROLES} enumName="KeyPersonDecisionRole" value={f.role} onPick={(v) => setF({ ...f, role: v })} />
                <ChoiceChips legend={t('scope')} values={SCOPES} enumName="KeyPersonScope" value={f.scope} onPick={(v) => setF({ ...f, scope: v })} />
                <ChoiceChips legend={t('attitude')} values={ATTITUDES} enumName="KeyPersonAttitude" value={f.attitude} onPick={(v) => setF({ ...f, attitude: v })} />
                <fieldset>
                  <legend>{t('interval')}</legend>
                  <div class="chips">
                    {INTERVALS.map((n) => (
                      <button key={n} type="button" class="chip" aria-pressed={f.interval === n} onClick={() => setF({ ...f, interval: n })}>
                        {t('days', { n })}
                      </button>
                    ))}
                  </div>
                </fieldset>
                <label class="field">
                  <span>{t('professionalNeeds')}</span>
                  <textarea rows={3} value={f.pro} onInput={(e) => setF({ ...f, pro: e.currentTarget.value })} />
                </label>
                <label class="field">
                  <span>{t('personalNeeds')}</span>
                  <textarea rows={3} value={f.personal} onInput={(e) => setF({ ...f, personal: e.currentTarget.value })} />
                </label>
                <FormStatus err={err} />
                <button type="submit" class="btn primary block">
                  {t('save')}
                </button>
              </>
            )}
          </form>
        )}
      </main>
    </>
  );
}
