import { describe, expect, it } from 'vitest';
import { blank, contactErrors } from './contactForm';

describe('contactErrors', () => {
  it('needs a name, and nothing else', () => {
    expect(contactErrors(blank)).toEqual({ name: 'needName' });
    expect(contactErrors({ ...blank, name: '  张经理 ' })).toEqual({});
  });
  it('checks an email and phone numbers only when given', () => {
    const f = { ...blank, name: '张经理', email: 'zhang@', mobile: '138 0013 8000', phone: 'call me' };
    expect(contactErrors(f)).toEqual({ email: 'badEmail', phone: 'badPhone' });
    expect(contactErrors({ ...f, email: 'zhang@example.cn', phone: '+86 (21) 5555-0101' })).toEqual({});
  });
});

describe('editInput', () => {
  it('sends what is typed, clears what was emptied, and carries the version read', async () => {
    const { editInput } = await import('./ContactNew');
    expect(editInput({ name: ' 李工 ', title: '', mobile: '138', phone: ' ', email: 'a@b.cn', wechat: '' }, 'QC', 4)).toEqual({
      name: '李工',
      version: 4,
      clearTitle: true,
      mobile: '138',
      clearPhone: true,
      email: 'a@b.cn',
      clearWechat: true,
      department: 'QC',
    });
  });
});
