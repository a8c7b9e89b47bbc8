import { describe, expect, it } from 'vitest';
import { likelyPairs, mobileKey } from './contactPairs';

describe('likely duplicate contacts', () => {
  it('reads a mobile number as the server does', () => {
    expect(mobileKey('+86 138-0000-1111')).toBe('13800001111');
    expect(mobileKey('0086 13800001111')).toBe('13800001111');
    expect(mobileKey('13800001111')).toBe('13800001111');
    expect(mobileKey(null)).toBe('');
  });
  it('pairs the same mobile, email, WeChat ID or name, each pair once, the older kept', () => {
    const cs = [
      { id: 'a', name: '王经理', mobile: '13800001111' },
      { id: 'b', name: '王 经理', mobile: '+86 138 0000 1111' },
      { id: 'c', name: 'Li', email: 'Li@Huasu.example' },
      { id: 'd', name: 'Li Wei', email: 'li@huasu.example ' },
      { id: 'e', name: '张工', wechat: 'zhang_gong' },
      { id: 'f', name: '陈工', wechat: 'ZHANG_GONG' },
      { id: 'g', name: '赵工' },
    ];
    expect(likelyPairs(cs).map((p) => `${p.keep.id}${p.merge.id}:${p.reason}`)).toEqual(['ab:mobile', 'cd:email', 'ef:wechat']);
  });
  it('finds nothing among different people', () => {
    expect(
      likelyPairs([
        { id: 'a', name: '王' },
        { id: 'b', name: '李' },
      ]),
    ).toEqual([]);
  });
});
