// The writes a rep can make offline, as queue handlers. Creates carry the item's id as
// clientMutationId (the server returns the first record on a replay); steps carry the
// version the rep saw (the server answers CONFLICT when it moved on).
import { graphql } from '../graphql';
import { ApiError, request } from './api';
import { fieldHandlers } from './fieldMutations';
import { uploadQueuedMedia } from './mediaMutations';
import type { Handler, QueueItem } from './queue';

export const CreateInteraction = graphql(`
  mutation CreateInteraction($input: CreateInteractionInput!, $cmid: String) {
    createInteraction(input: $input, clientMutationId: $cmid) { id occurredAt kind findings nextStep nextStepDue }
  }
`);

export const LogInteraction = graphql(`
  mutation LogInteraction($input: LogInteractionInput!, $cmid: String) {
    logInteraction(input: $input, clientMutationId: $cmid) { id occurredAt loggedAt kind findings nextStep nextStepDue }
  }
`);

export const CreateContact = graphql(`
  mutation CreateContact($input: CreateContactInput!, $cmid: String) {
    createContact(input: $input, clientMutationId: $cmid) { id name }
  }
`);

export const CreateTask = graphql(`
  mutation CreateTask($input: CreateTaskInput!, $cmid: String) {
    createTask(input: $input, clientMutationId: $cmid) { id title dueAt status }
  }
`);

export const UpdateTask = graphql(`
  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {
    updateTask(id: $id, input: $input) { id status doneAt version }
  }
`);

export const CreateIssue = graphql(`
  mutation CreateIssue($input: CreateIssueInput!, $cmid: String) {
    createIssue(input: $input, clientMutationId: $cmid) { id status version }
  }
`);

export const AdvanceSample = graphql(`
  mutation AdvanceSample($input: AdvanceSampleInput!) {
    advanceSample(input: $input) { id status version allowedNextStatuses statusReason }
  }
`);

export const CompleteOrderStep = graphql(`
  mutation CompleteOrderStep($input: CompleteOrderStepInput!) {
    completeOrderStep(input: $input) { id status version checklist { progress nextSteps } }
  }
`);

export const CreateTrial = graphql(`
  mutation CreateTrial($input: CreateTrialInput!, $cmid: String) {
    createTrial(input: $input, clientMutationId: $cmid) { id kind outcome }
  }
`);

export const AcknowledgeNotice = graphql(`
  mutation AcknowledgeNotice($input: AcknowledgeChangeNoticeInput!) {
    acknowledgeChangeNotice(input: $input) { id acknowledgedAt acknowledgedBy }
  }
`);

export const UpdateIssueStatus = graphql(`
  mutation UpdateIssueStatus($id: ID!, $input: UpdateIssueInput!) {
    updateIssue(id: $id, input: $input) { id status version allowedNextStatuses }
  }
`);

const SampleNow = graphql(`
  query SampleNow($id: ID!) { node(id: $id) { ... on Sample { id status version statusReason updatedAt } } }
`);
const OrderNow = graphql(`
  query OrderNow($id: ID!) { node(id: $id) { ... on Order { id status version updatedAt checklist { items { step done at by { name } } } } } }
`);
const IssueNow = graphql(`
  query IssueNow($id: ID!) { node(id: $id) { ... on Issue { id status version updatedAt } } }
`);

function withVersion(item: QueueItem, version: number, path: 'input' | 'root' = 'input'): QueueItem {
  const vars = structuredClone(item.vars);
  if (path === 'input') vars.input = { ...vars.input, version };
  else vars.version = version;
  return { ...item, vars };
}

export const UpdateContact = graphql(`
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) { id name title department mobile phone email wechat version }
  }
`);

export const CreateNeed = graphql(`
  mutation CreateNeed($input: CreateNeedInput!, $cmid: String) {
    createNeed(input: $input, clientMutationId: $cmid) { id }
  }
`);

export const DraftQuotation = graphql(`
  mutation DraftQuotation($input: QuotationDraftInput!, $cmid: String) {
    draftQuotation(input: $input, clientMutationId: $cmid) { id number revision status version }
  }
`);

export const CreateKeyPerson = graphql(`
  mutation CreateKeyPerson($input: CreateKeyPersonInput!, $cmid: String) {
    createKeyPerson(input: $input, clientMutationId: $cmid) { id }
  }
`);

export const UpdateKeyPerson = graphql(`
  mutation UpdateKeyPerson($id: ID!, $input: UpdateKeyPersonInput!) {
    updateKeyPerson(id: $id, input: $input) { id decisionRole scope attitude contactIntervalDays professionalNeeds personalNeeds version }
  }
`);

const ContactNow = graphql(`
  query ContactNow($id: ID!) { node(id: $id) { ... on Contact { id name title department mobile phone email wechat version } } }
`);
const KeyPersonNow = graphql(`
  query KeyPersonNow($id: ID!) {
    node(id: $id) { ... on KeyPerson { id decisionRole scope attitude contactIntervalDays professionalNeeds personalNeeds version } }
  }
`);

/** An edit whose every field is already what the server holds (a send whose answer was lost). */
function holds(input: Record<string, any>, theirs: Record<string, any>): boolean {
  return Object.entries(input).every(([k, v]) => {
    if (k === 'version') return true;
    if (k.startsWith('clear')) return !v || theirs[k[5].toLowerCase() + k.slice(6)] == null;
    return theirs[k] === v;
  });
}

export const SnoozeTodayItem = graphql(`
  mutation SnoozeTodayItem($kind: TodayKind!, $id: ID!, $until: Time!) {
    snoozeTodayItem(kind: $kind, nodeID: $id, until: $until) { id until }
  }
`);

export const UnsnoozeTodayItem = graphql(`
  mutation UnsnoozeTodayItem($kind: TodayKind!, $id: ID!) { unsnoozeTodayItem(kind: $kind, nodeID: $id) }
`);

/** Registered extra handlers (screens that add their own offline writes). */
export const handlers: Record<string, Handler> = {
  // Competitors, pitches and orders added on the phone (fieldMutations.ts).
  ...fieldHandlers,
  visit: {
    send: (item) => request(CreateInteraction, { input: item.vars.input, cmid: item.id }),
  },
  // A held contact: it completes the planned one it names. A plan logged meanwhile
  // from another phone parks the item (CONFLICT) with the rep's text kept. Its photos
  // and voice notes follow, each once (mediaMutations.ts).
  visitLog: {
    async send(item, save) {
      const logged = await request(LogInteraction, { input: item.vars.input, cmid: item.id });
      if (item.files?.length) await uploadQueuedMedia(item, { interactionID: logged.logInteraction.id }, save);
      return logged;
    },
  },
  task: {
    send: (item) => request(CreateTask, { input: item.vars.input, cmid: item.id }),
  },
  contact: {
    send: (item) => request(CreateContact, { input: item.vars.input, cmid: item.id }),
  },
  // Edits carry the version read: someone else's edit meanwhile parks the item with both sides.
  contactEdit: {
    send: (item) => request(UpdateContact, { id: item.vars.id, input: item.vars.input }),
    current: async (item) => (await request(ContactNow, { id: item.vars.id })).node as any,
    applied: (item, theirs) => holds(item.vars.input, theirs),
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
  keyPerson: {
    send: (item) => request(CreateKeyPerson, { input: item.vars.input, cmid: item.id }),
  },
  need: {
    send: (item) => request(CreateNeed, { input: item.vars.input, cmid: item.id }),
  },
  // A quotation drafted with no network: the form's clientMutationId is the item's id,
  // so a draft whose first answer was lost is not made twice.
  quotation: {
    send: (item) => request(DraftQuotation, { input: item.vars.input, cmid: item.id }),
  },
  keyPersonEdit: {
    send: (item) => request(UpdateKeyPerson, { id: item.vars.id, input: item.vars.input }),
    current: async (item) => (await request(KeyPersonNow, { id: item.vars.id })).node as any,
    applied: (item, theirs) => holds(item.vars.input, theirs),
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
  taskDone: {
    send: (item) => request(UpdateTask, { id: item.vars.id, input: item.vars.input }),
    current: async (item) => {
      const d: any = await request(`query TaskNow($id: ID!) { node(id: $id) { ... on Task { id status version doneAt } } }`, { id: item.vars.id });
      return d?.node ?? undefined;
    },
    applied: (_item, theirs) => theirs.status === 'DONE',
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
  // A Today item put aside: snoozing again only moves its time, so a replay is harmless.
  snooze: {
    send: (item) => request(SnoozeTodayItem, { kind: item.vars.kind, id: item.vars.id, until: item.vars.until }),
  },
  unsnooze: {
    send: (item) => request(UnsnoozeTodayItem, { kind: item.vars.kind, id: item.vars.id }),
  },
  trial: {
    send: (item) => request(CreateTrial, { input: item.vars.input, cmid: item.id }),
  },
  sampleStep: {
    send: (item) => request(AdvanceSample, { input: item.vars.input }),
    current: async (item) => (await request(SampleNow, { id: item.vars.input.id })).node as any,
    applied: (item, theirs) => theirs.status === item.vars.input.to,
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
  orderStep: {
    send: (item) => request(CompleteOrderStep, { input: item.vars.input }),
    current: async (item) => (await request(OrderNow, { id: item.vars.input.id })).node as any,
    applied: (item, theirs) =>
      !!theirs.checklist?.items?.some((i: any) => i.step === item.vars.input.step && i.done),
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
  ack: {
    async send(item) {
      try {
        return await request(AcknowledgeNotice, { input: item.vars.input });
      } catch (e) {
        // A replay whose first answer was lost: the acknowledgement is already there.
        if (e instanceof ApiError && e.extensions.field === 'ackID' && /already acknowledged/.test(e.message)) return null;
        throw e;
      }
    },
  },
  issueStep: {
    send: (item) => request(UpdateIssueStatus, { id: item.vars.id, input: item.vars.input }),
    current: async (item) => (await request(IssueNow, { id: item.vars.id })).node as any,
    applied: (item, theirs) => theirs.status === item.vars.input.status,
    rebase: (item, theirs) => withVersion(item, theirs.version),
  },
};

export const AttachIssueFile = graphql(`
  mutation AttachIssueFile($input: AttachIssueFileInput!, $cmid: String) {
    attachIssueFile(input: $input, clientMutationId: $cmid) { id fileName }
  }
`);

// A problem report and its photos: the report first, then each photo under its own
// clientMutationId, so a replay after a lost answer neither files the problem twice
// nor stores a photo twice.
handlers.issue = {
  async send(item, save) {
    const created = await request(CreateIssue, { input: item.vars.input, cmid: item.id });
    const issueID = created.createIssue.id;
    const done = new Set<string>((item.progress?.photos as string[] | undefined) ?? []);
    for (const [i, f] of (item.files ?? []).entries()) {
      const cmid = `${item.id}-p${i}`;
      if (done.has(cmid)) continue;
      await request(AttachIssueFile, { input: { issueID, file: f.blob, caption: null }, cmid }, [
        { path: 'input.file', file: f.blob, name: f.name },
      ]);
      done.add(cmid);
      item = { ...item, recordID: issueID, progress: { ...item.progress, photos: [...done] } };
      await save(item);
    }
    return created;
  },
};
