import { describe, expect, it } from 'vitest';
import { lang } from '../lib/i18n';
import { actionLabel, exportLabel, importEnums, kindLabel, stateLabel } from './import.i18n';
import { EXPORT_KINDS, IMPORT_KINDS, ROW_ACTIONS } from './importLogic';

// The contract's enums (graph/import.graphql); a value added there must get labels here.
const STATES = ['CHECKING', 'CHECKED', 'COMMITTING', 'DONE', 'FAILED', 'CANCELLED'];

describe('import enum labels', () => {
  it('label every value of the contract in both languages, no raw code in Chinese', () => {
    expect(Object.keys(importEnums.KIND).sort()).toEqual([...IMPORT_KINDS].sort());
    expect(Object.keys(importEnums.ACTION).sort()).toEqual([...ROW_ACTIONS].sort());
    expect(Object.keys(importEnums.STATE).sort()).toEqual([...STATES].sort());
    for (const set of [importEnums.STATE, importEnums.ACTION]) {
      for (const [code, p] of Object.entries(set)) {
        expect(p.en, code).toBeTruthy();
        expect(p.zh, code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    for (const [code, k] of Object.entries(importEnums.KIND))
      for (const p of [k.label, k.about]) expect(p.zh, code).toMatch(/[\u4e00-\u9fff]/);
  });
  it('follow the app language', () => {
    lang.set('zh');
    expect(kindLabel('KEY_PERSONS')).toBe('关键人');
    expect(stateLabel('FAILED')).toBe('已中断');
    expect(actionLabel('DUPLICATE')).toBe('疑似重复');
    lang.set('en');
    expect(kindLabel('KEY_PERSONS')).toBe('Key persons');
    expect(actionLabel('NEW_VALUE')).toBe('NEW_VALUE');
  });
});

describe('export labels', () => {
  it('name every kind the server exports in both languages, never by its URL name', () => {
    expect(EXPORT_KINDS.length).toBe(IMPORT_KINDS.length);
    for (const k of EXPORT_KINDS) {
      lang.set('zh');
      expect(exportLabel(k), k).toMatch(/^[\u4e00-\u9fff]+$/);
      lang.set('en');
      expect(exportLabel(k), k).not.toBe(k);
      expect(exportLabel(k), k).toMatch(/^[A-Z][a-z ]+$/);
    }
    lang.set('zh');
    expect(exportLabel('orders')).toBe('订单');
    expect(exportLabel('key-persons')).toBe('关键人');
  });
});
