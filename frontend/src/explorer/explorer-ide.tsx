// GraphiQL 5 (Monaco), bundled from npm and rendered by Preact through preact/compat
// (the app's Vite config aliases react to it). Loaded by main.tsx for users who may
// explore. The schema comes from GET /graphql/schema.graphql rather than introspection:
// GraphiQL's introspection query nests deeper than the server's depth limit (15).
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import 'graphiql/graphiql.css';
import './workers';
import { parseJSONC, ToolbarButton, useGraphiQL } from '@graphiql/react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from '../lib/api';
import { lang } from '../lib/i18n';
import { store, useStore } from '../lib/store';
import { tx } from './explorer.i18n';
import { connectionOf, exportCSV } from './export';
import { createFetcher, describe, lastCost } from './fetcher';
import { activeTab, SavedIcon, SavedQueries } from './saved';
import { userStorage } from './storage';

interface Notice {
  kind: 'status' | 'error';
  text: string;
}

/** What the footer says besides the cost: export progress and errors. */
const notice = store<Notice | null>(null);

const savedPlugin = { title: tx('saved'), icon: SavedIcon, content: SavedQueries };
const plugins = [savedPlugin, HISTORY_PLUGIN];

function defaultQuery(): string {
  const intro =
    lang.get() === 'zh'
      ? '# Tandem GraphQL 查询工具。Ctrl+Enter 运行查询；“导出 CSV”下载某个连接的全部分页。\n'
      : '# Tandem GraphQL explorer. Ctrl+Enter runs the query; Export CSV downloads every page of one connection.\n';
  return `${intro}query Customers($after: Cursor) {
  customers(first: 20, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        stage
        region
        owner {
          name
        }
      }
    }
  }
}
`;
}

async function loadSchema(): Promise<GraphQLSchema> {
  const res = await fetch('/graphql/schema.graphql', { headers: { Accept: 'text/plain' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return buildSchema(await res.text(), { assumeValidSDL: true });
}

function DownloadIcon(props: { class?: string }) {
  return (
    <svg class={props.class} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true">
      <path d="M12 3.75v11.5m0 0-4.5-4.5m4.5 4.5 4.5-4.5M4.5 16.5v2.25c0 .83.67 1.5 1.5 1.5h12c.83 0 1.5-.67 1.5-1.5V16.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

function ExportButton() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const [busy, setBusy] = useState(false);

  async function run() {
    const query = queryEditor?.getValue() ?? '';
    let connection: string | null;
    try {
      connection = connectionOf(query, operationName);
    } catch (e) {
      notice.set({ kind: 'error', text: tx('error', { code: 'GRAPHQL_PARSE_FAILED', message: (e as Error).message }) });
      return;
    }
    if (!connection) {
      notice.set({ kind: 'error', text: `${tx('exportNoConnection')} ${tx('exportHint')}` });
      return;
    }
    let variables: Record<string, unknown>;
    try {
      variables = (parseJSONC(variableEditor?.getValue() ?? '') as Record<string, unknown> | undefined) ?? {};
    } catch (e) {
      notice.set({ kind: 'error', text: tx('badVariables', { message: (e as Error).message }) });
      return;
    }
    setBusy(true);
    notice.set({ kind: 'status', text: tx('exporting') });
    try {
      const r = await exportCSV({ query, variables, operationName, connection });
      notice.set(
        r.cutShort
          ? { kind: 'error', text: tx('error', { code: 'EXPORT', message: r.cutShort }) }
          : { kind: 'status', text: tx('exported', { file: r.file }) },
      );
    } catch (e) {
      notice.set({ kind: 'error', text: describe(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ToolbarButton label={busy ? tx('exporting') : tx('exportCsv')} onClick={() => void run()} disabled={busy} data-testid="explorer-export-csv">
      <DownloadIcon class="graphiql-toolbar-icon" />
    </ToolbarButton>
  );
}

function Footer() {
  const cost = useStore(lastCost);
  const n = useStore(notice);
  return (
    <div class="x-footer">
      <span class="x-cost" data-testid="explorer-cost" title={tx('costHint')}>
        {cost
          ? cost.limit != null && cost.remaining != null
            ? tx('costBudget', { n: cost.requested, remaining: cost.remaining, limit: cost.limit })
            : tx('cost', { n: cost.requested })
          : ''}
      </span>
      <span class={n?.kind === 'error' ? 'x-error' : 'x-status'} role={n?.kind === 'error' ? 'alert' : 'status'} data-testid="explorer-notice">
        {n?.text ?? ''}
      </span>
    </div>
  );
}

function Explorer() {
  const user = session.get()?.user;
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const [storage] = useState(() => userStorage(user?.id ?? 'anonymous', localStorage));
  const [fetcher] = useState(createFetcher);

  useEffect(() => {
    loadSchema().then(setSchema, (e: Error) => notice.set({ kind: 'error', text: tx('schemaFailed', { message: e.message }) }));
  }, []);

  return (
    <GraphiQL
      fetcher={fetcher}
      // null (not undefined) until the SDL arrives: no introspection request.
      schema={schema}
      storage={storage}
      plugins={plugins}
      visiblePlugin={savedPlugin}
      defaultQuery={defaultQuery()}
      // A dashboard's "Open the query" (/explorer?query=…) opens it in the editor.
      initialQuery={new URLSearchParams(location.search).get('query') ?? undefined}
      onTabChange={(t: { tabs: { id: string }[]; activeTabIndex: number }) => activeTab.set(t.tabs[t.activeTabIndex]?.id)}
    >
      <GraphiQL.Logo>
        <h1 class="x-logo">
          <a href="/" title={tx('backToApp')}>
            Tandem
          </a>{' '}
          <span class="x-muted">{tx('title')}</span>
          {user && <span class="x-user x-muted">{tx('signedInAs', { name: user.name || user.email })}</span>}
        </h1>
      </GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }: { prettify: unknown; copy: unknown; merge: unknown }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <ExportButton />
          </>
        )}
      </GraphiQL.Toolbar>
      <GraphiQL.Footer>
        <Footer />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}

export function mount(root: HTMLElement): void {
  root.classList.add('x-ide');
  render(<Explorer />, root);
}
