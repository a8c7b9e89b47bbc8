// monaco-graphql's worker: validation and completion against the schema.
import 'monaco-graphql/esm/graphql.worker.js';
