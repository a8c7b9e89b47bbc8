// Two smaller field tasks: acknowledging a change notice with the customer, and
// entering a new lead (with the duplicate check before anything is created).
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { ApiError, newId, request } from '../lib/api';
import { formatDate, messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { Badge, ErrorBox, Query } from '../ui/bits';
import { Header } from '../ui/Layout';

const t = messages(
  'more',
  {
    noticeTitle: 'Change notice',
    product: 'Product',
    effective: 'Effective {when}',
    notified: 'Notified {when}',
    acked: 'Acknowledged by {who} on {when}',
    ackBy: 'Who at the customer acknowledged',
    ackByHint: 'Name and title, e.g. “Wang Gong, QC manager”.',
    note: 'Note',
    ack: 'Record acknowledgement',
    ackQueued: 'Acknowledgement saved; it is sent when the network returns.',
    needWho: 'Enter who acknowledged.',
    newTitle: 'New account',
    name: 'Company name',
    nameEn: 'English name',
    website: 'Website',
    region: 'Region',
    industry: 'Industry',
    leadSource: 'Where the lead came from',
    leadDetail: 'Detail (which show, article, patent, who referred)',
    create: 'Create account',
    creating: 'Creating…',
    dupTitle: 'Possible duplicates',
    dupExplain: 'These accounts look like the same company. Open one instead, or create anyway.',
    open: 'Open',
    ownedBy: 'owned by {name}',
    hidden: 'an account you cannot see',
    createAnyway: 'It is a different company: create',
    needName: 'Enter the company name.',
    reasonSAME_NAME: 'Same name',
    reasonSAME_CORE: 'Same name without region, line of business and legal form ({core})',
    reasonSHORT_NAME: 'One name is the short form of the other ({core})',
    reasonSAME_DOMAIN: 'Same website',
  },
  {
    noticeTitle: '变更通知',
    product: '产品',
    effective: '{when} 生效',
    notified: '{when} 已通知',
    acked: '{who} 于 {when} 确认',
    ackBy: '客户确认人',
    ackByHint: '姓名和职务，例如“王工，质检经理”。',
    note: '备注',
    ack: '记录客户确认',
    ackQueued: '确认已保存，联网后发送。',
    needWho: '请填写确认人。',
    newTitle: '新建客户',
    name: '公司名称',
    nameEn: '英文名称',
    website: '网址',
    region: '地区',
    industry: '行业',
    leadSource: '线索来源',
    leadDetail: '详情（哪个展会、文章、专利、介绍人）',
    create: '创建客户',
    creating: '创建中…',
    dupTitle: '可能重复',
    dupExplain: '以下客户可能是同一家公司。可以直接打开，或仍然创建。',
    open: '打开',
    ownedBy: '负责人 {name}',
    hidden: '你无权查看的客户',
    createAnyway: '是不同的公司：创建',
    needName: '请填写公司名称。',
    reasonSAME_NAME: '名称相同',
    reasonSAME_CORE: '去掉地区、行业和公司类型后名称相同（{core}）',
    reasonSHORT_NAME: '一个名称是另一个的简称（{core}）',
    reasonSAME_DOMAIN: '网址相同',
  },
);

/** The duplicate check's reason in the viewer's language (never the raw code). */
function dupReason(reason: string, core?: string | null): string {
  const known = ['SAME_NAME', 'SAME_CORE', 'SHORT_NAME', 'SAME_DOMAIN'];
  if (!known.includes(reason)) return t('dupTitle');
  return t(('reason' + reason) as 'reasonSAME_NAME', { core: core ?? '' });
}

const AckQuery = graphql(`
  query Ack($id: ID!) {
    node(id: $id) {
      ... on ChangeNoticeAck {
        id version notifiedAt acknowledgedAt acknowledgedBy note
        customer { id name }
        changeNotice { id kind title description effectiveAt product { id name code } }
      }
    }
  }
`);

type Ack = Extract<NonNullable<ResultOf<typeof AckQuery>['node']>, { changeNotice: unknown }>;

function AckForm({ ack, onDone }: { ack: Ack; onDone: () => void }) {
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const [err, setErr] = useState('');
  const [queued, setQueued] = useState(false);
  const items = useStore(queue.items);
  const waiting = items.some((i) => i.kind === 'ack' && i.recordID === ack.id);
  useEffect(() => queue.on((e) => e.type === 'sent' && e.item.recordID === ack.id && onDone()), [ack.id]);
  if (queued || waiting) return <p class="stale">{t('ackQueued')}</p>;
  async function submit(e: Event) {
    e.preventDefault();
    if (!who.trim()) return setErr(t('needWho'));
    await queue.enqueue({
      id: newId(),
      kind: 'ack',
      label: `${t('noticeTitle')} — ${ack.customer.name}`,
      customerID: ack.customer.id,
      recordID: ack.id,
      vars: { input: { ackID: ack.id, acknowledgedBy: who.trim(), note: note.trim() || null } },
    });
    setQueued(true);
  }
  return (
    <form onSubmit={submit} noValidate>
      <label class="field">
        <span>{t('ackBy')}</span>
        <input value={who} onInput={(e) => setWho(e.currentTarget.value)} aria-describedby="ackby-hint" />
        <small class="hint" id="ackby-hint">
          {t('ackByHint')}
        </small>
      </label>
      <label class="field">
        <span>{t('note')}</span>
        <textarea value={note} onInput={(e) => setNote(e.currentTarget.value)} rows={2} />
      </label>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <button class="btn primary block" type="submit">
        {t('ack')}
      </button>
    </form>
  );
}

export function NoticeAck({ id }: { id: string }) {
  const q = useQuery(AckQuery, { id });
  return (
    <>
      <Header title={t('noticeTitle')} back="/" />
      <main class="content">
        <Query q={q}>
          {(d) => {
            const a = d.node as Ack | null;
            if (!a || !('changeNotice' in a)) return <ErrorBox error={new ApiError('not found', 'NOT_FOUND')} />;
            const n = a.changeNotice;
            return (
              <>
                <div class="card">
                  <h2>{n.title}</h2>
                  <p>
                    <Badge tone="warn">{n.kind}</Badge> <a href={`/customers/${a.customer.id}`}>{a.customer.name}</a>
                  </p>
                  <dl class="kv">
                    <dt>{t('product')}</dt>
                    <dd>
                      {n.product.name} ({n.product.code})
                    </dd>
                  </dl>
                  <p class="small muted">
                    {t('effective', { when: formatDate(n.effectiveAt) })}
                    {a.notifiedAt ? ' · ' + t('notified', { when: formatDate(a.notifiedAt) }) : ''}
                  </p>
                  {n.description && <p>{n.description}</p>}
                </div>
                {a.acknowledgedAt ? (
                  <p class="notice">{t('acked', { who: a.acknowledgedBy ?? '', when: formatDate(a.acknowledgedAt, true) })}</p>
                ) : (
                  <AckForm ack={a} onDone={() => void q.refetch()} />
                )}
              </>
            );
          }}
        </Query>
      </main>
    </>
  );
}

const Duplicates = graphql(`
  query Duplicates($name: String!, $website: String) {
    duplicateCandidates(name: $name, website: $website) { name ownerName reason core customer { id name } }
  }
`);

const CreateCustomer = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!, $cmid: String) {
    createCustomer(input: $input, clientMutationId: $cmid) { id }
  }
`);

const sources = ['TRADE_SHOW', 'PEER_REFERRAL', 'FRIEND_REFERRAL', 'WEB', 'ARTICLE', 'PATENT', 'CONFERENCE', 'ASSOCIATION', 'OTHER'] as const;

export function NewAccount() {
  const [cmid] = useState(newId);
  const [f, setF] = useState({ name: '', nameEn: '', website: '', region: '', industry: '', leadSourceDetail: '' });
  const [source, setSource] = useState<string>('TRADE_SHOW');
  const [dups, setDups] = useState<ResultOf<typeof Duplicates>['duplicateCandidates']>([]);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>();
  const [fieldErr, setFieldErr] = useState('');
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });

  useEffect(() => {
    const name = f.name.trim();
    if (name.length < 2) return setDups([]);
    const h = setTimeout(() => {
      request(Duplicates, { name, website: f.website.trim() || null }).then(
        (d) => setDups(d.duplicateCandidates),
        () => setDups([]),
      );
    }, 300);
    return () => clearTimeout(h);
  }, [f.name, f.website]);

  async function create(e?: Event) {
    e?.preventDefault();
    if (!f.name.trim()) return setFieldErr(t('needName'));
    setFieldErr('');
    setBusy(true);
    setErr(undefined);
    try {
      const input = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim() || null]));
      const d = await request(CreateCustomer, { input: { ...input, name: f.name.trim(), leadSource: source as 'OTHER' }, cmid });
      navigate(`/customers/${d.createCustomer.id}`, true);
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Header title={t('newTitle')} back="/accounts" />
      <main class="content">
        <form onSubmit={(e) => (dups.length ? e.preventDefault() : void create(e))} noValidate>
          <label class="field">
            <span>{t('name')}</span>
            <input value={f.name} onInput={set('name')} required aria-invalid={!!fieldErr} />
            {fieldErr && (
              <span class="field-error" role="alert">
                {fieldErr}
              </span>
            )}
          </label>
          {dups.length > 0 && (
            <section class="card" aria-labelledby="dup-h">
              <h2 id="dup-h">{t('dupTitle')}</h2>
              <p class="small">{t('dupExplain')}</p>
              <ul class="list">
                {dups.map((d, i) => (
                  <li key={i} class="row">
                    <span class="row-main">
                      <span class="row-title">{d.customer?.name ?? d.name}</span>
                      <span class="row-sub">
                        {dupReason(d.reason, d.core)}
                        {d.ownerName ? ' · ' + t('ownedBy', { name: d.ownerName }) : ''}
                        {!d.customer ? ' · ' + t('hidden') : ''}
                      </span>
                    </span>
                    {d.customer && (
                      <a class="btn" href={`/customers/${d.customer.id}`}>
                        {t('open')}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <label class="field">
            <span>{t('nameEn')}</span>
            <input value={f.nameEn} onInput={set('nameEn')} />
          </label>
          <label class="field">
            <span>{t('website')}</span>
            <input value={f.website} onInput={set('website')} inputMode="url" />
          </label>
          <label class="field">
            <span>{t('region')}</span>
            <input value={f.region} onInput={set('region')} />
          </label>
          <label class="field">
            <span>{t('industry')}</span>
            <input value={f.industry} onInput={set('industry')} />
          </label>
          <fieldset>
            <legend>{t('leadSource')}</legend>
            <div class="chips">
              {sources.map((s) => (
                <button type="button" class="chip" aria-pressed={source === s} onClick={() => setSource(s)}>
                  {label('CustomerLeadSource', s)}
                </button>
              ))}
            </div>
          </fieldset>
          <label class="field">
            <span>{t('leadDetail')}</span>
            <input value={f.leadSourceDetail} onInput={set('leadSourceDetail')} />
          </label>
          {err ? <ErrorBox error={err} /> : null}
          {dups.length ? (
            <button type="button" class="btn block" disabled={busy} onClick={() => void create()}>
              {busy ? t('creating') : t('createAnyway')}
            </button>
          ) : (
            <button type="submit" class="btn primary block" disabled={busy}>
              {busy ? t('creating') : t('create')}
            </button>
          )}
        </form>
      </main>
    </>
  );
}
