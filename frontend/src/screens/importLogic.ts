// Pure logic of the import screens (no DOM, no requests), unit-tested in importLogic.test.ts.

export const IMPORT_KINDS = ['CUSTOMERS', 'CONTACTS', 'KEY_PERSONS', 'PRODUCTS', 'PRICES', 'ORDERS', 'INTERACTIONS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const ROW_ACTIONS = ['CREATE', 'UPDATE', 'UNCHANGED', 'DUPLICATE', 'ERROR'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** Rows per page of the dry run's table. */
export const PAGE_SIZE = 100;

/** The largest file the app sends (the server has its own limit; this spares a long upload). */
export const MAX_FILE_BYTES = 64 << 20;

export type FileProblem = 'type' | 'empty' | 'tooLarge';

/** Why a chosen file cannot be imported, or null. Only the name and size are looked at. */
export function checkFile(f: { name: string; size: number } | null | undefined): FileProblem | null {
  if (!f) return 'empty';
  if (!/\.(xlsx|csv)$/i.test(f.name.trim())) return 'type';
  if (f.size === 0) return 'empty';
  if (f.size > MAX_FILE_BYTES) return 'tooLarge';
  return null;
}

/** Whether a file is a workbook (a sheet name means something only then). */
export function isWorkbook(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}

export interface Field {
  key: string;
  label: string;
  required: boolean;
}

/** column index → field key (null: ignored). */
export type Mapping = Record<number, string | null>;

export function mappingOf(columns: { index: number; field?: string | null }[]): Mapping {
  const m: Mapping = {};
  for (const c of columns) m[c.index] = c.field ?? null;
  return m;
}

export interface MappingProblems {
  /** Required fields no column goes to. */
  missing: Field[];
  /** field key → the column indexes that go to it, when more than one does. */
  twice: Record<string, number[]>;
}

/** What is wrong with a mapping before it is sent: required fields unmapped, a field chosen twice. */
export function checkMapping(fields: Field[], mapping: Mapping): MappingProblems {
  const by: Record<string, number[]> = {};
  for (const [col, key] of Object.entries(mapping)) {
    if (!key) continue;
    (by[key] ??= []).push(Number(col));
  }
  const twice: Record<string, number[]> = {};
  for (const [k, cols] of Object.entries(by)) if (cols.length > 1) twice[k] = cols.sort((a, b) => a - b);
  return { missing: fields.filter((f) => f.required && !by[f.key]), twice };
}

export function mappingOK(p: MappingProblems): boolean {
  return p.missing.length === 0 && Object.keys(p.twice).length === 0;
}

/** The mapping as mapImport takes it, in column order. */
export function mappingInput(mapping: Mapping): { column: number; field: string | null }[] {
  return Object.keys(mapping)
    .map(Number)
    .sort((a, b) => a - b)
    .map((column) => ({ column, field: mapping[column] || null }));
}

/** Whole percent of done over total, clamped to 0–100 (0 when the total is not known yet). */
export function percent(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

export type JobState = 'CHECKING' | 'CHECKED' | 'COMMITTING' | 'DONE' | 'FAILED' | 'CANCELLED';

/** The server is working on the job: the screen polls until this is false. */
export function isRunning(state: string | null | undefined): boolean {
  return state === 'CHECKING' || state === 'COMMITTING';
}

export interface Counts {
  creates: number;
  updates: number;
  unchanged: number;
  duplicates: number;
  errors: number;
}

export function countOf(c: Counts, a: RowAction): number {
  switch (a) {
    case 'CREATE':
      return c.creates;
    case 'UPDATE':
      return c.updates;
    case 'UNCHANGED':
      return c.unchanged;
    case 'DUPLICATE':
      return c.duplicates;
    case 'ERROR':
      return c.errors;
  }
}

/** Rows a commit writes: creates and updates (unchanged, duplicates and errors are not written). */
export function rowsToWrite(c: Counts): number {
  return c.creates + c.updates;
}

/** Rows a commit refuses. */
export function refused(c: Counts): number {
  return c.duplicates + c.errors;
}

/** The number of pages of rows shown with one filter (or all), at least 1. */
export function pageCount(c: Counts, filter: RowAction | null, size = PAGE_SIZE): number {
  const n = filter ? countOf(c, filter) : c.creates + c.updates + c.unchanged + c.duplicates + c.errors;
  return Math.max(1, Math.ceil(n / size));
}

// The kinds the server exports (domain/importer/export.go ExportKinds): every kind that
// imports, by its URL name, in the order of IMPORT_KINDS.
export const EXPORT_KINDS = ['customers', 'contacts', 'key-persons', 'products', 'prices', 'orders', 'interactions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'xlsx' | 'csv';

export function exportPath(kind: ExportKind, format: ExportFormat, lang: 'zh' | 'en'): string {
  return `/exports/${kind}.${format}?lang=${lang}`;
}

/** Whether the server lets the viewer import and export (ViewerAccess.imports). */
export function mayImport(s: { access?: { imports?: boolean } } | null | undefined): boolean {
  return !!s?.access?.imports;
}

/** The Data screen's column list of a kind, from the importer's own fields: required ones marked. */
export function columnList(fields: readonly Field[], mark: (label: string) => string, sep: string): string {
  return fields.map((f) => (f.required ? mark(f.label) : f.label)).join(sep);
}

/** A row's reason: the server's message, which names the cell and its column; the cell alone when the message lacks it. */
export function rowReason(r: { message?: string | null; cell?: string | null }): string {
  const m = (r.message ?? '').trim();
  const c = (r.cell ?? '').trim();
  if (!c || m.includes(c)) return m;
  return m ? `${c} ${m}` : c;
}

/** Why a checked job has nothing to write because of its mapping (the server's error), or null. */
export function mappingBlocked(job: { state: string; error?: string | null }): string | null {
  return job.state === 'CHECKED' && job.error ? job.error : null;
}
