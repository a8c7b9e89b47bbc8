// A need on the phone (需求): its level — the customer's industry, the company, a
// product, or a person —, what kind of problem it likely is, in their words, whose it
// is, and the product that may meet it. Through the offline queue, sent once.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { newId, online } from '../lib/api';
import { messages } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Query } from '../ui/bits';
import { FormStatus, SavedCard } from '../ui/FormStatus';
import { ChoiceChips } from '../ui/ChoiceChips';
import { Header } from '../ui/Layout';

const t = messages(
  'needNew',
  {
    title: 'New need',
    level: 'Whose need',
    aspect: 'What the company needs',
    grade: 'Product grade',
    problem: 'Likely problem',
    description: 'The need, in their words',
    keyPerson: 'Key person',
    nobody: 'Nobody in particular',
    product: 'A product that may meet it',
    noProduct: 'None yet',
    save: 'Save need',
    needLevel: 'Choose whose need it is.',
    needText: 'Write the need.',
    savedOnline: 'Need saved.',
    savedOffline: 'Need saved on this phone. It will be sent when the network returns.',
    backToAccount: 'Back to the account',
  },
  {
    title: '新建需求',
    level: '需求层次',
    aspect: '公司需要',
    grade: '产品档次',
    problem: '可能的问题',
    description: '需求内容（客户的原话）',
    keyPerson: '关键人',
    nobody: '不针对具体的人',
    product: '可满足需求的产品',
    noProduct: '暂无',
    save: '保存需求',
    needLevel: '请选择需求层次。',
    needText: '请填写需求内容。',
    savedOnline: '需求已保存。',
    savedOffline: '需求已保存在手机上，联网后自动发送。',
    backToAccount: '返回客户',
  },
);

const LEVELS = ['INDUSTRY', 'COMPANY', 'PRODUCT', 'PERSONAL'] as const;
const ASPECTS = ['IMAGE', 'LISTING', 'SCALE', 'FUNDING', 'INFORMATION', 'TECHNOLOGY', 'MANAGEMENT', 'PRODUCT'] as const;
const GRADES = ['HIGH', 'MID', 'LOW'] as const;
const PROBLEMS = ['TECHNICAL', 'PRICE', 'SUPPLY', 'FUNDING', 'KEY_PERSON'] as const;

const NeedAccount = graphql(`
  query NeedAccount($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        keyPersons(first: 100, where: { activeToIsNil: true }) { edges { node { id contact { id name } } } }
      }
    }
    products(first: 100, orderBy: { field: CODE, direction: ASC }, where: { active: true }) { edges { node { id code name } } }
  }
`);

export function NeedNew({ id }: { id: string }) {
  const on = useStore(online);
  const q = useQuery(NeedAccount, { id });
  const [level, setLevel] = useState<string | null>(null);
  const [aspect, setAspect] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [kp, setKp] = useState('');
  const [product, setProduct] = useState('');
  const [err, setErr] = useState('');
  const [saved, setSaved] = useState<'online' | 'offline' | null>(null);
  const a = q.data?.node && 'keyPersons' in q.data.node ? q.data.node : null;

  async function save(e: Event) {
    e.preventDefault();
    if (!level) return setErr(t('needLevel'));
    if (!text.trim()) return setErr(t('needText'));
    setErr('');
    await queue.enqueue({
      id: newId(),
      kind: 'need',
      label: `${t('title')} — ${text.trim().slice(0, 30)}`,
      customerID: id,
      vars: {
        input: {
          customerID: id,
          level,
          description: text.trim(),
          ...(level === 'COMPANY' && aspect ? { companyAspect: aspect } : {}),
          ...(level === 'PRODUCT' && grade ? { productGrade: grade } : {}),
          ...(problem ? { likelyProblem: problem } : {}),
          ...(kp ? { keyPersonID: kp } : {}),
          ...(product ? { candidateProductID: product } : {}),
        },
      },
    });
    setSaved(on ? 'online' : 'offline');
  }

  return (
    <>
      <Header title={a?.name ? `${t('title')} · ${a.name}` : t('title')} back={`/customers/${id}`} />
      <main class="content">
        {saved ? (
          <SavedCard saved={saved} online={t('savedOnline')} offline={t('savedOffline')}>
            <a class="btn primary" href={`/customers/${id}`}>
              {t('backToAccount')}
            </a>
          </SavedCard>
        ) : !a ? (
          <Query q={q}>{() => null}</Query>
        ) : (
          <form onSubmit={save} noValidate>
            <ChoiceChips legend={t('level')} values={LEVELS} enumName="NeedLevel" value={level} onPick={setLevel} />
            {level === 'COMPANY' && <ChoiceChips legend={t('aspect')} values={ASPECTS} enumName="NeedCompanyAspect" value={aspect} onPick={setAspect} />}
            {level === 'PRODUCT' && <ChoiceChips legend={t('grade')} values={GRADES} enumName="NeedProductGrade" value={grade} onPick={setGrade} />}
            <ChoiceChips legend={t('problem')} values={PROBLEMS} enumName="NeedLikelyProblem" value={problem} onPick={setProblem} />
            <label class="field">
              <span>{t('description')}</span>
              <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('keyPerson')}</span>
              <select value={kp} onChange={(e) => setKp(e.currentTarget.value)}>
                <option value="">{t('nobody')}</option>
                {(a.keyPersons.edges ?? []).map((e) => (
                  <option key={e!.node!.id} value={e!.node!.id}>
                    {e!.node!.contact.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('product')}</span>
              <select value={product} onChange={(e) => setProduct(e.currentTarget.value)}>
                <option value="">{t('noProduct')}</option>
                {(q.data?.products.edges ?? []).map((e) => (
                  <option key={e!.node!.id} value={e!.node!.id}>
                    {e!.node!.code} {e!.node!.name}
                  </option>
                ))}
              </select>
            </label>
            <FormStatus err={err} />
            <button type="submit" class="btn primary block">
              {t('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
