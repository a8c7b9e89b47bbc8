// The "Saved queries" GraphiQL plugin: the user's saved queries (savedQueries, owner
// only on the server), opened into the editor, saved from it (createSavedQuery),
// renamed or updated (updateSavedQuery, with the version read) and deleted after an
// inline confirmation (deleteSavedQuery). Errors show the server's extensions.code.
import { parseJSONC, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { ApiError, newId, request } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { store, useStore } from '../lib/store';
import { signInAgain, syncSession } from './access';
import { tx } from './explorer.i18n';
import { describe } from './fetcher';

const SAVED_QUERIES = graphql(`
  query ExplorerSavedQueries {
    savedQueries(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          name
          query
          variables
          description
          version
          updatedAt
        }
      }
    }
  }
`);

const CREATE = graphql(`
  mutation ExplorerCreateSavedQuery($input: CreateSavedQueryInput!, $cm: String) {
    createSavedQuery(input: $input, clientMutationId: $cm) {
      id
      name
      version
    }
  }
`);

const UPDATE = graphql(`
  mutation ExplorerUpdateSavedQuery($id: ID!, $input: UpdateSavedQueryInput!) {
    updateSavedQuery(id: $id, input: $input) {
      id
      name
      version
    }
  }
`);

const DELETE = graphql(`
  mutation ExplorerDeleteSavedQuery($id: ID!, $version: Int) {
    deleteSavedQuery(id: $id, version: $version) {
      deletedID
    }
  }
`);

type Saved = NonNullable<NonNullable<NonNullable<ResultOf<typeof SAVED_QUERIES>['savedQueries']['edges']>[number]>['node']>;

/** A saved query as opened in an editor tab, so "Save changes" knows what to update. */
interface Link {
  id: string;
  name: string;
  version: number;
}

const LINKS_KEY = 'tandem.explorer.links';

function readLinks(): Record<string, Link> {
  try {
    return JSON.parse(sessionStorage.getItem(LINKS_KEY) ?? '{}') as Record<string, Link>;
  } catch {
    return {};
  }
}

/** Tab id → the saved query it holds (kept for the browser tab's life, reloads included). */
const links = store<Record<string, Link>>(readLinks());
links.subscribe((l) => {
  try {
    sessionStorage.setItem(LINKS_KEY, JSON.stringify(l));
  } catch {
    /* private mode: links last until reload */
  }
});

function setLink(tabID: string | undefined, link: Link | null) {
  if (!tabID) return;
  const next = { ...links.get() };
  if (link) next[tabID] = link;
  else delete next[tabID];
  links.set(next);
}

/** The active GraphiQL tab (set from GraphiQL's onTabChange, read right after addTab). */
export const activeTab = store<string | undefined>(undefined);

async function call<D, V>(doc: Parameters<typeof request<D, V>>[0], vars: V): Promise<D> {
  if (!syncSession()) {
    signInAgain();
    throw new ApiError('The session has ended; sign in again.', 'UNAUTHENTICATED');
  }
  try {
    return await request(doc, vars);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && !syncSession()) signInAgain();
    throw e;
  }
}

/** The variables editor's text as the JSON object the server stores ("" when empty). */
export function variablesJSON(text: string): string {
  if (!text.trim()) return '';
  const v = parseJSONC(text);
  if (v === undefined) return '';
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SyntaxError('not a JSON object');
  return Object.keys(v).length ? JSON.stringify(v, null, 2) : '';
}

export function SavedIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true">
      <path d="M6 3.75h12a.75.75 0 0 1 .75.75v15.69a.3.3 0 0 1-.48.24L12 16.5l-6.27 3.93a.3.3 0 0 1-.48-.24V4.5A.75.75 0 0 1 6 3.75Z" />
      <path d="M9 8.25h6M9 11.25h4" stroke-linecap="round" />
    </svg>
  );
}

function PenIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4" aria-hidden="true">
      <path d="M10.5 2.5l3 3L6 13H3v-3l7.5-7.5Z" stroke-linejoin="round" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4" aria-hidden="true">
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.5 6.5v4.5M9.5 6.5v4.5" stroke-linejoin="round" stroke-linecap="round" />
    </svg>
  );
}

export function SavedQueries() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const tabID = useGraphiQL((s) => s.tabs[s.activeTabIndex]?.id);
  const { addTab } = useGraphiQLActions();
  const linked = useStore(links);

  const [items, setItems] = useState<Saved[] | null>(null);
  const [total, setTotal] = useState(0);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const renameInput = useRef<HTMLInputElement>(null);

  useEffect(() => activeTab.set(tabID), [tabID]);
  useEffect(() => renameInput.current?.focus(), [renaming]);

  const link = tabID ? linked[tabID] : undefined;

  /** Reads the list again; keepError leaves a failure's message in view. */
  async function load(keepError = false) {
    if (!keepError) setError('');
    try {
      const d = await call(SAVED_QUERIES, {});
      const list = (d.savedQueries.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
      setItems(list);
      setTotal(d.savedQueries.totalCount);
      // Versions move when a query is saved elsewhere; keep the tabs' links current.
      const byID = new Map(list.map((q) => [q.id, q]));
      const next: Record<string, Link> = {};
      for (const [tab, l] of Object.entries(links.get())) {
        const q = byID.get(l.id);
        if (q) next[tab] = { id: q.id, name: q.name, version: q.version };
      }
      links.set(next);
    } catch (e) {
      setItems((v) => v ?? []);
      setError(describe(e));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      setStatus(await work());
    } catch (e) {
      setError(describe(e));
      // Someone saved or deleted it elsewhere: show the current list with the error.
      if (e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND')) void load(true);
    } finally {
      setBusy(false);
    }
  }

  function editorContent(): { query: string; variables: string } | null {
    const query = queryEditor?.getValue() ?? '';
    if (!query.trim()) {
      setError(tx('queryRequired'));
      return null;
    }
    try {
      return { query, variables: variablesJSON(variableEditor?.getValue() ?? '') };
    } catch (e) {
      setError(tx('badVariables', { message: (e as Error).message }));
      return null;
    }
  }

  function saveNew(e: Event) {
    e.preventDefault();
    const n = (name.trim() || operationName || '').trim();
    if (!n) return setError(tx('nameRequired'));
    const content = editorContent();
    if (!content) return;
    void run(async () => {
      const d = await call(CREATE, {
        input: { name: n, query: content.query, ...(content.variables ? { variables: content.variables } : {}) },
        cm: newId(),
      });
      const q = d.createSavedQuery;
      setLink(tabID, { id: q.id, name: q.name, version: q.version });
      setName('');
      await load();
      return tx('savedOk', { name: q.name });
    });
  }

  function saveChanges() {
    if (!link) return;
    const content = editorContent();
    if (!content) return;
    const l = link;
    void run(async () => {
      const d = await call(UPDATE, {
        id: l.id,
        input: {
          version: l.version,
          query: content.query,
          ...(content.variables ? { variables: content.variables } : { clearVariables: true }),
        },
      });
      const q = d.updateSavedQuery;
      setLink(tabID, { id: q.id, name: q.name, version: q.version });
      await load();
      return tx('savedOk', { name: q.name });
    });
  }

  function open(q: Saved) {
    const current = (queryEditor?.getValue() ?? '').trim();
    const held = link && items?.find((i) => i.id === link.id);
    let tab: string | undefined = tabID;
    // Keep unsaved work: a query goes into a new tab unless this one is empty, already
    // shows it, or holds a saved query without changes.
    const replaceable = !current || current === q.query.trim() || (held && current === held.query.trim());
    if (!replaceable) {
      addTab();
      tab = activeTab.get();
    }
    queryEditor?.setValue(q.query);
    variableEditor?.setValue(q.variables ?? '');
    setLink(tab, { id: q.id, name: q.name, version: q.version });
    setError('');
    setStatus(tx('loaded', { name: q.name }));
    queryEditor?.focus();
  }

  function rename(e: Event, q: Saved) {
    e.preventDefault();
    const n = newName.trim();
    if (!n) return setError(tx('nameRequired'));
    void run(async () => {
      const d = await call(UPDATE, { id: q.id, input: { version: q.version, name: n } });
      setRenaming(null);
      await load();
      return tx('savedOk', { name: d.updateSavedQuery.name });
    });
  }

  function remove(q: Saved) {
    void run(async () => {
      await call(DELETE, { id: q.id, version: q.version });
      setConfirming(null);
      const next = { ...links.get() };
      for (const [tab, l] of Object.entries(next)) if (l.id === q.id) delete next[tab];
      links.set(next);
      await load();
      return tx('deleted', { name: q.name });
    });
  }

  return (
    <section class="x-saved" aria-labelledby="x-saved-title" data-testid="saved-queries">
      <h2 class="graphiql-doc-explorer-title x-saved-title" id="x-saved-title">
        {tx('saved')}
      </h2>
      <p class="x-muted">{tx('savedIntro')}</p>

      <form class="x-saved-form" onSubmit={saveNew}>
        <label class="x-field">
          <span>{tx('name')}</span>
          <input
            name="saved-query-name"
            value={name}
            placeholder={operationName ?? ''}
            maxLength={200}
            autoComplete="off"
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </label>
        <div class="x-row">
          <button type="submit" class="x-button primary" disabled={busy} data-testid="saved-save-new">
            {busy ? tx('saving') : tx('saveNew')}
          </button>
          {link && (
            <button type="button" class="x-button" disabled={busy} onClick={saveChanges} data-testid="saved-save-changes">
              {tx('saveChanges', { name: link.name })}
            </button>
          )}
        </div>
      </form>

      {error && (
        <p class="x-error" role="alert" data-testid="saved-error">
          {error}
        </p>
      )}
      <p class="x-status" role="status" aria-live="polite">
        {status}
      </p>

      <div class="x-row x-saved-head">
        <span class="x-muted">{items ? tx('count', { n: total }) : tx('loading')}</span>
        <button type="button" class="x-link" onClick={() => void load()} disabled={busy}>
          {tx('reload')}
        </button>
      </div>

      {items && items.length === 0 && !error && <p class="x-muted">{tx('empty')}</p>}
      {items && items.length > 0 && (
        <ul class="x-saved-list">
          {items.map((q) => (
            <li key={q.id} class={link?.id === q.id ? 'x-saved-item active' : 'x-saved-item'} data-testid="saved-query" data-name={q.name}>
              {renaming === q.id ? (
                <form class="x-saved-rename" onSubmit={(e) => rename(e, q)}>
                  <label class="x-field">
                    <span>{tx('renameLabel', { name: q.name })}</span>
                    <input
                      ref={renameInput}
                      name="saved-query-rename"
                      value={newName}
                      maxLength={200}
                      onInput={(e) => setNewName((e.target as HTMLInputElement).value)}
                      onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                    />
                  </label>
                  <div class="x-row">
                    <button type="submit" class="x-button primary" disabled={busy}>
                      {tx('save')}
                    </button>
                    <button type="button" class="x-button" onClick={() => setRenaming(null)}>
                      {tx('cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <div class="x-saved-line">
                  <button type="button" class="x-saved-open" onClick={() => open(q)} aria-label={tx('load', { name: q.name })} title={q.description ?? undefined}>
                    <span class="x-saved-name">{q.name}</span>
                    <span class="x-muted x-small">{tx('updated', { when: formatDate(q.updatedAt, true) })}</span>
                  </button>
                  <button
                    type="button"
                    class="x-icon-button"
                    aria-label={`${tx('rename')}: ${q.name}`}
                    title={tx('rename')}
                    onClick={() => {
                      setRenaming(q.id);
                      setNewName(q.name);
                      setConfirming(null);
                    }}
                  >
                    <PenIcon />
                  </button>
                  <button
                    type="button"
                    class="x-icon-button"
                    aria-label={`${tx('delete')}: ${q.name}`}
                    title={tx('delete')}
                    onClick={() => {
                      setConfirming(q.id);
                      setRenaming(null);
                    }}
                  >
                    <TrashIcon />
                  </button>
                </div>
              )}
              {confirming === q.id && (
                <div class="x-confirm" role="group" aria-label={tx('deleteConfirm', { name: q.name })}>
                  <p>{tx('deleteConfirm', { name: q.name })}</p>
                  <div class="x-row">
                    <button type="button" class="x-button danger" disabled={busy} onClick={() => remove(q)} data-testid="saved-delete-confirm">
                      {tx('delete')}
                    </button>
                    <button type="button" class="x-button" onClick={() => setConfirming(null)}>
                      {tx('cancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
