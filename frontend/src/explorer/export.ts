// "Export CSV": POST /export.csv (server/app/export.go) with the editor's query, its
// variables and the one root connection it selects; the server pages through it with
// $after and streams the nodes as CSV.
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { ApiError } from '../lib/api';
import { fileNameFrom, saveBlob } from '../lib/download';
import { withToken } from './fetcher';

/**
 * The response name (alias or field name) of the single root field the operation
 * selects, or null when there is not exactly one. Throws graphql's GraphQLError when
 * the text does not parse.
 */
export function connectionOf(query: string, operationName?: string | null): string | null {
  const ops = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== 'query') return null;
  const fields = op.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || s.name.value !== '__typename');
  if (fields.length !== 1 || fields[0].kind !== Kind.FIELD) return null;
  return (fields[0].alias ?? fields[0].name).value;
}

/** The message of the `#error,<message>` row that ends a file cut short, if any. */
export function trailingError(csv: string): string | null {
  const m = /(?:^|\n)#error,(.*)\s*$/.exec(csv);
  if (!m) return null;
  const v = m[1].trim();
  return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v;
}

export interface ExportResult {
  file: string;
  /** Set when the server stopped part-way (the file then ends with an #error row). */
  cutShort: string | null;
}

export interface ExportRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string | null;
  connection: string;
}

/** Runs the export and hands the file to the browser as a download. */
export async function exportCSV(req: ExportRequest): Promise<ExportResult> {
  const body = JSON.stringify({
    query: req.query,
    variables: req.variables ?? {},
    ...(req.operationName ? { operationName: req.operationName } : {}),
    connection: req.connection,
  });
  const res = await withToken(
    (token) =>
      fetch('/export.csv', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/csv, application/json', Authorization: `Bearer ${token}` },
        body,
      }),
    async (r) => r.status === 401,
  );
  if (!res.ok) {
    let e: any;
    try {
      e = (await res.json())?.errors?.[0];
    } catch {
      /* not JSON */
    }
    const ext = e?.extensions ?? {};
    throw new ApiError(e?.message ?? `HTTP ${res.status}`, String(ext.code ?? 'INTERNAL'), ext);
  }
  const blob = await res.blob();
  const file = fileNameFrom(res.headers.get('Content-Disposition'), `${req.connection}.csv`);
  const cutShort = trailingError(await blob.slice(Math.max(0, blob.size - 4096)).text());
  saveBlob(blob, file);
  return { file, cutShort };
}
