import { describe, expect, it } from 'vitest';
import { fileNameFrom } from '../lib/download';
import {
  MAX_FILE_BYTES,
  checkFile,
  columnList,
  mappingBlocked,
  rowReason,
  checkMapping,
  exportPath,
  isRunning,
  isWorkbook,
  mayImport,
  mappingInput,
  mappingOK,
  mappingOf,
  pageCount,
  percent,
  refused,
  rowsToWrite,
} from './importLogic';

const fields = [
  { key: 'name', label: 'Customer name', required: true },
  { key: 'creditCode', label: 'Credit code', required: false },
  { key: 'phone', label: 'Phone', required: false },
  { key: 'owner', label: 'Owner', required: true },
];

describe('checkFile', () => {
  it('takes .xlsx and .csv in any case, and nothing else', () => {
    expect(checkFile({ name: 'book.xlsx', size: 10 })).toBeNull();
    expect(checkFile({ name: 'BOOK.CSV', size: 10 })).toBeNull();
    expect(checkFile({ name: 'book.xls', size: 10 })).toBe('type');
    expect(checkFile({ name: 'book.csv.exe', size: 10 })).toBe('type');
    expect(checkFile({ name: 'book.numbers', size: 10 })).toBe('type');
    expect(checkFile({ name: 'xlsx', size: 10 })).toBe('type');
  });
  it('refuses no file, an empty one and one over the limit', () => {
    expect(checkFile(null)).toBe('empty');
    expect(checkFile({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(checkFile({ name: 'a.csv', size: MAX_FILE_BYTES })).toBeNull();
    expect(checkFile({ name: 'a.csv', size: MAX_FILE_BYTES + 1 })).toBe('tooLarge');
  });
  it('asks for a sheet only for workbooks', () => {
    expect(isWorkbook('a.xlsx')).toBe(true);
    expect(isWorkbook('a.csv')).toBe(false);
  });
});

describe('checkMapping', () => {
  it('flags required fields no column goes to', () => {
    const p = checkMapping(fields, { 0: 'name', 1: null, 2: 'phone' });
    expect(p.missing.map((f) => f.key)).toEqual(['owner']);
    expect(mappingOK(p)).toBe(false);
  });
  it('flags a field chosen for two columns', () => {
    const p = checkMapping(fields, { 0: 'name', 1: 'owner', 2: 'phone', 3: 'phone' });
    expect(p.missing).toEqual([]);
    expect(p.twice).toEqual({ phone: [2, 3] });
    expect(mappingOK(p)).toBe(false);
  });
  it('passes a mapping with every required field once, ignored columns allowed', () => {
    const p = checkMapping(fields, { 0: 'name', 1: null, 2: 'owner', 3: null });
    expect(mappingOK(p)).toBe(true);
  });
  it('round-trips columns to mapImport input in column order, empty meaning ignored', () => {
    const m = mappingOf([
      { index: 2, field: 'owner' },
      { index: 0, field: 'name' },
      { index: 1, field: null },
    ]);
    m[1] = '';
    expect(mappingInput(m)).toEqual([
      { column: 0, field: 'name' },
      { column: 1, field: null },
      { column: 2, field: 'owner' },
    ]);
  });
});

describe('progress and counts', () => {
  it('gives whole percents, clamped, 0 before the total is known', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(66);
    expect(percent(3, 3)).toBe(100);
    expect(percent(7, 3)).toBe(100);
    expect(percent(-1, 3)).toBe(0);
  });
  it('polls only while the server works on the job', () => {
    expect(isRunning('CHECKING')).toBe(true);
    expect(isRunning('COMMITTING')).toBe(true);
    for (const s of ['CHECKED', 'DONE', 'FAILED', 'CANCELLED', undefined]) expect(isRunning(s)).toBe(false);
  });
  it('counts what a commit writes and refuses, and the pages of each filter', () => {
    const c = { creates: 150, updates: 51, unchanged: 0, duplicates: 1, errors: 2 };
    expect(rowsToWrite(c)).toBe(201);
    expect(refused(c)).toBe(3);
    expect(pageCount(c, null)).toBe(3);
    expect(pageCount(c, 'CREATE')).toBe(2);
    expect(pageCount(c, 'UNCHANGED')).toBe(1);
    expect(pageCount(c, 'ERROR', 1)).toBe(2);
  });
});

it('builds export paths', () => {
  expect(exportPath('products', 'xlsx', 'zh')).toBe('/exports/products.xlsx?lang=zh');
});

it('reads the file name of a download, Chinese names included', () => {
  expect(fileNameFrom(`attachment; filename*=UTF-8''%E5%AE%A2%E6%88%B7.xlsx`, 'x')).toBe('客户.xlsx');
  expect(fileNameFrom('attachment; filename="refused.csv"', 'x')).toBe('refused.csv');
  expect(fileNameFrom(null, 'customers.csv')).toBe('customers.csv');
});

it('opens the Data area only when the server says so', () => {
  expect(mayImport({ access: { imports: true } })).toBe(true);
  expect(mayImport({ access: { imports: false } })).toBe(false);
  expect(mayImport({})).toBe(false); // a session stored before the flag existed
  expect(mayImport(null)).toBe(false);
});

describe('Data screen lists and row reasons', () => {
  const fields = [
    { key: 'code', label: '产品编号', required: true },
    { key: 'name', label: '产品名称', required: true },
    { key: 'unit', label: '单位', required: false },
  ];
  it('lists the importer fields with the required ones marked', () => {
    expect(columnList(fields, (l) => `${l}*`, '、')).toBe('产品编号*、产品名称*、单位');
    expect(columnList([], (l) => l, ', ')).toBe('');
  });
  it('names the cell once', () => {
    expect(rowReason({ message: 'A7 客户名称：必填', cell: 'A7' })).toBe('A7 客户名称：必填');
    expect(rowReason({ message: 'Not a date', cell: 'C4' })).toBe('C4 Not a date');
    expect(rowReason({ message: null, cell: null })).toBe('');
    expect(rowReason({ message: '与第 2 行重复', cell: null })).toBe('与第 2 行重复');
  });
  it('says a checked job is blocked by its mapping', () => {
    expect(mappingBlocked({ state: 'CHECKED', error: '缺少必填列“产品编号”' })).toBe('缺少必填列“产品编号”');
    expect(mappingBlocked({ state: 'CHECKED', error: null })).toBeNull();
    expect(mappingBlocked({ state: 'FAILED', error: 'x' })).toBeNull();
  });
});
