// A joint project (合作项目), new for an account (/customers/:id/projects/new) or edited
// (/projects/:pid/edit): its kind, title and goal, the programme applied to, the budget,
// our lead, the need it answers and the candidate product. Online (a project is planned,
// not logged in the lobby); a new one carries a clientMutationId so a retry makes one;
// an edit sends the version read, and a CONFLICT offers to reload.
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, newId, request } from '../lib/api';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { ErrorBox, Query } from '../ui/bits';
import { ChoiceChips } from '../ui/ChoiceChips';
import { FormStatus } from '../ui/FormStatus';
import { Header } from '../ui/Layout';
import { PROJECT_KINDS, blankProject, projectErrors, projectInput, type Errors, type ProjectForm as Form } from './commercialLogic';
import { tp } from './projects.i18n';
import './commercial.css';

const ProjectFormData = graphql(`
  query ProjectFormData($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        needs(first: 50) {
          edges {
            node {
              id
              description
              status
            }
          }
        }
      }
    }
    users(first: 100, where: { roleIn: [REP, MANAGER, ADMIN] }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
    products(first: 100, where: { active: true }, orderBy: { field: CODE, direction: ASC }) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);

const ProjectToEdit = graphql(`
  query ProjectToEdit($id: ID!) {
    node(id: $id) {
      __typename
      ... on Project {
        id
        version
        kind
        title
        goal
        programme
        budget
        currency
        customer {
          id
        }
        ourLead {
          id
        }
        need {
          id
        }
        product {
          id
        }
      }
    }
  }
`);

const CreateProject = graphql(`
  mutation CreateProject($input: CreateProjectInput!, $cmid: String) {
    createProject(input: $input, clientMutationId: $cmid) {
      id
    }
  }
`);
const UpdateProject = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
      version
    }
  }
`);

const MSG = ['needKind', 'needTitle', 'tooLong200', 'notAmount', 'currencyCode'] as const;
const msg = (s: string) => ((MSG as readonly string[]).includes(s) ? tp(s as (typeof MSG)[number]) : s);

function FieldErr({ errors, k }: { errors: Errors; k: string }) {
  return errors[k] ? (
    <span class="field-error cm-block" id={`pj-${k}-err`} role="alert">
      {msg(errors[k])}
    </span>
  ) : null;
}
const attrs = (errors: Errors, k: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `pj-${k}-err` : undefined });

export function ProjectForm({ id, pid }: { id?: string; pid?: string }) {
  const editing = useQuery(ProjectToEdit, { id: pid ?? '' }, { skip: !pid, keep: false });
  const p = editing.data?.node?.__typename === 'Project' ? editing.data.node : null;
  const customerID = id ?? p?.customer.id ?? '';
  const data = useQuery(ProjectFormData, { id: customerID }, { skip: !customerID });
  const [cmid] = useState(() => newId());
  const [f, setF] = useState<Form>(() => blankProject());
  const [old, setOld] = useState<(Form & { version: number }) | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [err, setErr] = useState('');
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!p || old?.version === p.version) return;
    const form: Form = {
      kind: p.kind,
      title: p.title,
      goal: p.goal ?? '',
      programme: p.programme ?? '',
      budget: p.budget == null ? '' : String(p.budget),
      currency: p.currency,
      ourLeadID: p.ourLead?.id ?? '',
      needID: p.need?.id ?? '',
      productID: p.product?.id ?? '',
    };
    setF(form);
    setOld({ ...form, version: p.version });
  }, [p]);

  const a = data.data?.node && 'needs' in data.data.node ? data.data.node : null;
  const needs = (a?.needs.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const users = (data.data?.users.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const products = (data.data?.products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  function change(patch: Partial<Form>) {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => {
      const n = { ...e };
      for (const k of Object.keys(patch)) delete n[k];
      return n;
    });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    const errs = projectErrors(f);
    setErrors(errs);
    setErr(Object.keys(errs).length ? tp('fixErrors') : '');
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      if (pid && old) {
        await request(UpdateProject, { id: pid, input: projectInput(f, customerID, old) as never });
        navigate(`/projects/${encodeURIComponent(pid)}`, true);
      } else {
        const r = await request(CreateProject, { input: projectInput(f, customerID) as never, cmid });
        navigate(`/projects/${encodeURIComponent(r.createProject.id)}`, true);
      }
    } catch (x) {
      if (x instanceof OfflineError) setErr(tp('onlineOnly'));
      else if (x instanceof ApiError && x.code === 'CONFLICT') setConflict(true);
      else if (x instanceof ApiError && x.code === 'FORBIDDEN') setErr(tp('forbidden'));
      else if (x instanceof ApiError && x.code === 'BAD_USER_INPUT' && typeof x.extensions.field === 'string' && x.extensions.field in f) {
        setErrors({ [x.extensions.field]: x.message });
        setErr(tp('fixErrors'));
      } else setErr((x as Error)?.message ?? String(x));
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setConflict(false);
    setOld(null);
    await editing.refetch();
  }

  const title = pid ? tp('editTitle') : tp('newTitle');
  const back = pid ? `/projects/${encodeURIComponent(pid)}` : `/customers/${encodeURIComponent(customerID)}`;
  const ready = a && (!pid || old);
  return (
    <>
      <Header title={a?.name ? `${title} · ${a.name}` : title} back={back} />
      <main class="content">
        {pid && editing.data && !p ? (
          <ErrorBox error={new Error(tp('notFound'))} />
        ) : !ready ? (
          pid && !p ? (
            <Query q={editing}>{() => null}</Query>
          ) : (
            <Query q={data}>{() => null}</Query>
          )
        ) : (
          <form onSubmit={save} noValidate>
            <ChoiceChips legend={tp('kind')} values={PROJECT_KINDS} enumName="ProjectKind" value={f.kind} onPick={(v) => change({ kind: v })} />
            <FieldErr errors={errors} k="kind" />
            <label class="field">
              <span>{tp('title')}</span>
              <input value={f.title} maxLength={200} autocomplete="off" onInput={(e) => change({ title: e.currentTarget.value })} {...attrs(errors, 'title')} />
            </label>
            <FieldErr errors={errors} k="title" />
            <label class="field">
              <span>{tp('goal')}</span>
              <textarea rows={4} value={f.goal} onInput={(e) => change({ goal: e.currentTarget.value })} {...attrs(errors, 'goal')} />
            </label>
            <FieldErr errors={errors} k="goal" />
            <label class="field">
              <span>{tp('programme')}</span>
              <input value={f.programme} maxLength={200} autocomplete="off" onInput={(e) => change({ programme: e.currentTarget.value })} {...attrs(errors, 'programme')} />
            </label>
            <FieldErr errors={errors} k="programme" />
            <div class="field-row">
              <div style={{ flex: 2 }}>
                <label class="field">
                  <span>{tp('budget')}</span>
                  <input
                    type="text"
                    inputMode="decimal"
                    autocomplete="off"
                    value={f.budget}
                    onInput={(e) => change({ budget: e.currentTarget.value })}
                    {...attrs(errors, 'budget')}
                  />
                </label>
                <FieldErr errors={errors} k="budget" />
              </div>
              <div style={{ flex: 1 }}>
                <label class="field">
                  <span>{tp('currency')}</span>
                  <input
                    value={f.currency}
                    maxLength={3}
                    autocapitalize="characters"
                    autocomplete="off"
                    onInput={(e) => change({ currency: e.currentTarget.value })}
                    {...attrs(errors, 'currency')}
                  />
                </label>
                <FieldErr errors={errors} k="currency" />
              </div>
            </div>
            <label class="field">
              <span>{tp('ourLead')}</span>
              <select value={f.ourLeadID} onChange={(e) => change({ ourLeadID: e.currentTarget.value })}>
                <option value="">{tp('noneChosen')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{tp('need')}</span>
              <select value={f.needID} onChange={(e) => change({ needID: e.currentTarget.value })}>
                <option value="">{tp('noneChosen')}</option>
                {needs.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.description.length > 60 ? n.description.slice(0, 60) + '…' : n.description}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{tp('product')}</span>
              <select value={f.productID} onChange={(e) => change({ productID: e.currentTarget.value })}>
                <option value="">{tp('noneChosen')}</option>
                {products.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code} {x.name}
                  </option>
                ))}
              </select>
            </label>
            {conflict && (
              <div class="error" role="alert">
                <p>{tp('conflict')}</p>
                <button type="button" class="btn" onClick={() => void reload()}>
                  {tp('reload')}
                </button>
              </div>
            )}
            <FormStatus err={err} />
            <button type="submit" class="btn primary block" disabled={busy} aria-busy={busy}>
              {busy ? tp('saving') : tp('save')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
