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
