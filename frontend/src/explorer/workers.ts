// Monaco's web workers, built by Vite into their own files (`?worker`), so they load
// from our origin under the CSP's worker-src 'self' (no blob: or CDN workers). This
// replaces graphiql/setup-workers/vite and names the files explorer-*, which keeps
// them out of the phone app's service-worker cache (vite.config.ts).
import EditorWorker from './explorer-editor.worker.ts?worker';
import GraphQLWorker from './explorer-graphql.worker.ts?worker';
import JSONWorker from './explorer-json.worker.ts?worker';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    if (label === 'json') return new JSONWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
