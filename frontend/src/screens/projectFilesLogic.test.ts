import { describe, expect, it } from 'vitest';
import { lang } from '../lib/i18n';
import { label } from '../i18n/enums';
import { tpf } from './projectFiles.i18n';
import {
  MAX_PROJECT_FILE_BYTES,
  PROJECT_FILE_ACCEPT,
  PROJECT_FILE_KINDS,
  fileRefusalKey,
  formatBytes,
  projectFileErrors,
  projectFileInput,
  projectFileProblem,
  projectFileType,
  titleFromFileName,
} from './projectFilesLogic';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('project files: what the server takes', () => {
  it('takes PDFs, images, office documents, plain text and CSV, by type or else by extension', () => {
    expect(projectFileType(file('协议.pdf', 'application/pdf'))).toBe('application/pdf');
    expect(projectFileType(file('scan.jpg', 'image/jpg'))).toBe('image/jpeg');
    expect(projectFileType(file('plan.docx', ''))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(projectFileType(file('data.CSV', 'application/octet-stream'))).toBe('text/csv');
    expect(projectFileType(file('notes.txt', 'text/plain; charset=utf-8'))).toBe('text/plain');
    expect(projectFileType(file('budget.xls', 'application/vnd.ms-excel'))).toBe('application/vnd.ms-excel');
  });

  it('refuses what the server refuses: a declared type it does not know wins over the extension', () => {
    expect(projectFileType(file('movie.mp4', 'video/mp4'))).toBeNull();
    expect(projectFileType(file('archive.zip', ''))).toBeNull();
    expect(projectFileType(file('noext', ''))).toBeNull();
    expect(projectFileType(file('fake.pdf', 'application/zip'))).toBeNull();
  });

  it('offers the known extensions in the file picker', () => {
    for (const ext of ['.pdf', '.png', '.docx', '.xlsx', '.pptx', '.txt', '.csv']) expect(PROJECT_FILE_ACCEPT.split(',')).toContain(ext);
  });

  it('checks the size before sending: at most 32 MB, not empty', () => {
    expect(MAX_PROJECT_FILE_BYTES).toBe(32 * 1024 * 1024);
    expect(projectFileProblem(null)).toBe('needFile');
    expect(projectFileProblem(file('a.pdf', 'application/pdf', 0))).toBe('emptyFile');
    expect(projectFileProblem(file('a.pdf', 'application/pdf', MAX_PROJECT_FILE_BYTES))).toBeNull();
    expect(projectFileProblem(file('a.pdf', 'application/pdf', MAX_PROJECT_FILE_BYTES + 1))).toBe('tooLarge');
    expect(projectFileProblem(file('a.exe', 'application/x-msdownload'))).toBe('wrongType');
  });

  it("says the server's refusal of a file in the app's words", () => {
    expect(fileRefusalKey('file: 33.0 MB is larger than the 32 MB a project file may have')).toBe('tooLarge');
    expect(fileRefusalKey('file: content type video/mp4 is not accepted; upload a PDF, …')).toBe('wrongType');
    expect(fileRefusalKey('file: the file is empty')).toBe('emptyFile');
    expect(fileRefusalKey('file: something else')).toBe('fileRefused');
    lang.set('zh');
    for (const k of ['tooLarge', 'wrongType', 'emptyFile', 'fileRefused', 'needFile'] as const) expect(tpf(k)).toMatch(/[\u4e00-\u9fff]/);
    lang.set('en');
  });
});

describe('project files: the form', () => {
  it('needs a title of at most 200 characters and an acceptable file', () => {
    const ok = file('a.pdf', 'application/pdf');
    expect(projectFileErrors({ kind: 'OTHER', title: '  ', shared: false }, ok)).toEqual({ title: 'needTitle' });
    expect(projectFileErrors({ kind: 'OTHER', title: '字'.repeat(201), shared: false }, ok)).toEqual({ title: 'tooLong200' });
    expect(projectFileErrors({ kind: 'OTHER', title: '字'.repeat(200), shared: false }, ok)).toEqual({});
    expect(projectFileErrors({ kind: 'OTHER', title: '协议', shared: false }, null)).toEqual({ file: 'needFile' });
    expect(projectFileErrors({ kind: 'OTHER', title: '协议', shared: false }, file('big.pdf', 'application/pdf', 60 << 20))).toEqual({ file: 'tooLarge' });
  });

  it('builds the input: trimmed title, OTHER when no kind, shared as chosen', () => {
    const blob = new Blob(['%PDF']);
    expect(projectFileInput({ kind: 'AGREEMENT', title: ' 合作协议 ', shared: true }, 'PJ1', blob)).toEqual({ projectID: 'PJ1', kind: 'AGREEMENT', title: '合作协议', shared: true, file: blob });
    expect(projectFileInput({ kind: '', title: 'x', shared: false }, 'PJ1', blob).kind).toBe('OTHER');
  });

  it('proposes a title from the file name', () => {
    expect(titleFromFileName('合作协议_签署版.pdf')).toBe('合作协议 签署版');
    expect(titleFromFileName('.env')).toBe('.env');
    expect(titleFromFileName('README')).toBe('README');
    expect([...titleFromFileName('x'.repeat(300) + '.pdf')].length).toBe(200);
  });

  it('says sizes in words', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(34 * 1024)).toBe('34 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
  });

  it('labels every kind in Chinese and English', () => {
    lang.set('zh');
    expect(PROJECT_FILE_KINDS.map((k) => label('ProjectDocumentKind', k))).toEqual(['项目申请书', '合作协议', '计划书', '报告', '会议纪要', '其他']);
    lang.set('en');
    expect(PROJECT_FILE_KINDS.map((k) => label('ProjectDocumentKind', k))).toEqual(['Application', 'Agreement', 'Plan', 'Report', 'Minutes', 'Other']);
  });
});
