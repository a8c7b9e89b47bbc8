import { describe, expect, it } from 'vitest';
import { formatDistance, mapLinks } from './place';

describe('formatDistance', () => {
  it('says metres under a kilometre, tenths under ten, whole kilometres beyond', () => {
    expect(formatDistance(3, 'en')).toBe('10 m');
    expect(formatDistance(454, 'en')).toBe('450 m');
    expect(formatDistance(1580, 'en')).toBe('1.6 km');
    expect(formatDistance(36_400, 'zh')).toBe('36 公里');
    expect(formatDistance(850, 'zh')).toBe('850 米');
  });
});

describe('mapLinks', () => {
  it('points at the learned place, in WGS-84, when there is one', () => {
    const l = mapLinks({ name: '嘉兴瑞丰塑胶', address: '嘉兴市秀洲区', latitude: 30.7731, longitude: 120.7395 });
    expect(l.map((x) => x.app)).toEqual(['amap', 'baidu', 'apple']);
    expect(l[0].href).toContain('position=120.739500,30.773100');
    expect(l[0].href).toContain('coordinate=wgs84');
    expect(l[1].href).toContain('location=30.773100,120.739500');
    expect(l[1].href).toContain('coord_type=wgs84');
    expect(l[2].href).toBe('https://maps.apple.com/?ll=30.773100,120.739500&q=' + encodeURIComponent('嘉兴瑞丰塑胶'));
  });
  it('searches the address, else the name, without a place', () => {
    expect(mapLinks({ name: 'A', address: '上海市松江区 1 号' })[0].href).toBe(
      'https://uri.amap.com/search?keyword=' + encodeURIComponent('上海市松江区 1 号') + '&callnative=1',
    );
    expect(mapLinks({ name: '瑞丰', address: '  ' })[2].href).toBe('https://maps.apple.com/?q=' + encodeURIComponent('瑞丰'));
  });
});
