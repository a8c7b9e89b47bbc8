import { describe, expect, it } from 'vitest';
import { label } from '../i18n/enums';
import { lang } from '../lib/i18n';
import { SHOWN, dialable, mailto, roleLine, vcard, visible } from './contactList';

const c = { id: 'c1', name: '张伟' };

describe('account contact list', () => {
  it('dials the mobile first, else the landline, without spaces', () => {
    expect(dialable({ ...c, mobile: '138 0013 8000', phone: '021-5555' })).toEqual({ shown: '138 0013 8000', href: 'tel:13800138000' });
    expect(dialable({ ...c, phone: '(021) 6666-7777' })?.href).toBe('tel:02166667777');
    expect(dialable({ ...c, mobile: '  ' })).toBeNull();
  });
  it('mails the address, or nothing', () => {
    expect(mailto({ ...c, email: 'zw@example.cn' })).toBe('mailto:zw@example.cn');
    expect(mailto(c)).toBeNull();
  });
  it('shows the department by its label, in Chinese no enum code', () => {
    lang.set('zh');
    const dept = (d: string) => label('ContactDepartment', d);
    expect(roleLine({ ...c, title: '采购经理', department: 'PURCHASING' }, dept)).toBe('采购经理 · 采购部');
    expect(roleLine({ ...c, department: 'OTHER' }, dept)).toBe('');
    expect(roleLine({ ...c, department: 'QC' }, dept)).toBe('质检');
    lang.set('en');
    expect(roleLine({ ...c, department: 'QC' }, dept)).toBe('QC');
  });
  it('shows the first ten until all are asked for', () => {
    const many = Array.from({ length: 13 }, (_, i) => i);
    expect(visible(many, false)).toHaveLength(SHOWN);
    expect(visible(many, true)).toHaveLength(13);
  });
  it('labels user functions (the invite form) in both languages', () => {
    lang.set('zh');
    expect(label('UserFunction', 'SALES')).toBe('销售');
    lang.set('en');
    expect(label('UserFunction', 'SUPPORT')).toBe('Support');
  });
});

describe('vcard', () => {
  it('holds what the address book imports, escaped', () => {
    const v = vcard(
      { id: 'C1', name: '李工', title: '采购经理, 华东', mobile: '138 0013 8000', phone: '0573-8888 1234', email: 'li@example.cn', wechat: 'li_gong;1' },
      '嘉兴瑞丰塑胶有限公司',
      '微信',
    );
    expect(v.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:李工',
      'N:李工;;;;',
      'ORG:嘉兴瑞丰塑胶有限公司',
      'TITLE:采购经理\\, 华东',
      'TEL;TYPE=CELL:138 0013 8000',
      'TEL;TYPE=WORK,VOICE:0573-8888 1234',
      'EMAIL;TYPE=INTERNET:li@example.cn',
      'NOTE:微信: li_gong\\;1',
      'END:VCARD',
      '',
    ]);
  });
  it('leaves out what the contact does not have', () => {
    expect(vcard({ id: 'C2', name: 'A\nB' }, '')).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\\nB\r\nN:A\\nB;;;;\r\nEND:VCARD\r\n');
  });
});
