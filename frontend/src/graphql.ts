// Typed GraphQL documents: every document in the app is written with `graphql()` and
// checked against the server's schema (../graph/schema.graphql) by `npm run typecheck`.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    Time: string;
    Cursor: string;
    Upload: Blob;
    Map: Record<string, unknown>;
    ID: string;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';
export { readFragment } from 'gql.tada';
