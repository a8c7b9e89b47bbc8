// The pure parts of a project's files (项目文件): which files the server takes (its
// content types, by the declared type or else the extension, at most 32 MB), the form's
// errors before anything is sent, a refusal of the server said in the app's words, and
// sizes in words. Tested in projectFilesLogic.test.ts.
import type { Errors } from './commercialLogic';

/** The largest project file the server keeps (graph.MaxProjectFileBytes). */
export const MAX_PROJECT_FILE_BYTES = 32 << 20;

export const PROJECT_FILE_KINDS = ['APPLICATION', 'AGREEMENT', 'PLAN', 'REPORT', 'MINUTES', 'OTHER'] as const;

// The server's documentTypes, typeAliases and typesByExt (graph/document_files.go).
const TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
  'text/csv',
]);

const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

const BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
};

/** The file input's accept list: the extensions the server knows. */
export const PROJECT_FILE_ACCEPT = Object.keys(BY_EXT).join(',');

/** The content type the server will record for this file, or null when it refuses it. */
export function projectFileType(file: { name: string; type: string }): string | null {
  let t = file.type.split(';')[0].trim().toLowerCase();
  if (!t || t === 'application/octet-stream') {
    const dot = file.name.lastIndexOf('.');
    t = dot >= 0 ? BY_EXT[file.name.slice(dot).toLowerCase()] ?? '' : '';
  }
  t = ALIASES[t] ?? t;
  return TYPES.has(t) ? t : null;
}

export type FileProblem = 'needFile' | 'emptyFile' | 'tooLarge' | 'wrongType';

/** What is wrong with the chosen file before it is sent (a message key), or null. */
export function projectFileProblem(file: { name: string; type: string; size: number } | null | undefined): FileProblem | null {
  if (!file) return 'needFile';
  if (file.size <= 0) return 'emptyFile';
  if (file.size > MAX_PROJECT_FILE_BYTES) return 'tooLarge';
  if (!projectFileType(file)) return 'wrongType';
  return null;
}

/**
 * The server's refusal of the file (extensions.field = "file"; its message is in English:
 * "file: … is larger than the 32 MB …", "file: content type … is not accepted …",
 * "file: the file is empty") as a message key, so the app says it in its own language.
 */
export function fileRefusalKey(message: string): FileProblem | 'fileRefused' {
  if (/larger than/i.test(message)) return 'tooLarge';
  if (/content type|not accepted/i.test(message)) return 'wrongType';
  if (/empty/i.test(message)) return 'emptyFile';
  return 'fileRefused';
}

/** A size in words: 812 B, 34 KB, 1.2 MB. */
export function formatBytes(n: number): string {
  if (!(n >= 0)) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  const mb = n / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

const chars = (s: string) => [...s].length;

/** A title from the file's name, when the uploader gave none: its name without the extension. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = (dot > 0 ? name.slice(0, dot) : name).replace(/[_]+/g, ' ').trim();
  return [...base].slice(0, 200).join('');
}

export interface FileForm {
  kind: string;
  title: string;
  shared: boolean;
}

/** The add form's errors by field (message keys), as the server would refuse them. */
export function projectFileErrors(f: FileForm, file: { name: string; type: string; size: number } | null | undefined): Errors {
  const e: Errors = {};
  const title = f.title.trim();
  if (!title) e.title = 'needTitle';
  else if (chars(title) > 200) e.title = 'tooLong200';
  const p = projectFileProblem(file);
  if (p) e.file = p;
  return e;
}

/** attachProjectFile's input (the file itself goes as the multipart part input.file). */
export function projectFileInput(f: FileForm, projectID: string, file: Blob) {
  return {
    projectID,
    kind: (f.kind || 'OTHER') as (typeof PROJECT_FILE_KINDS)[number],
    title: f.title.trim(),
    shared: f.shared,
    file,
  };
}
