// Places: where the phone is (with the rep's permission), how far, and the map apps
// Chinese reps use (高德, 百度) and Apple Maps.
import { lang } from './i18n';

export interface Here {
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number;
}

/** The phone's place, asked once (10 s at most); rejects with the browser's reason. */
export function here(timeout = 10_000): Promise<Here> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Math.max(1, p.coords.accuracy) }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout, maximumAge: 60_000 },
    );
  });
}

/** "80 m", "850 m", "1.2 km", "36 km" — in Chinese 米 and 公里. */
export function formatDistance(m: number, language = lang.get()): string {
  const zh = language === 'zh';
  if (m < 1000) return `${Math.max(10, Math.round(m / 10) * 10)} ${zh ? '米' : 'm'}`;
  const km = m < 10_000 ? (Math.round(m / 100) / 10).toFixed(1) : String(Math.round(m / 1000));
  return `${km} ${zh ? '公里' : 'km'}`;
}

export interface Place {
  name: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export type MapApp = 'amap' | 'baidu' | 'apple';

/**
 * Links that open a place in 高德, 百度 and Apple Maps: at its learned point (WGS-84,
 * which each is told) when known, else by searching its address (or name).
 */
export function mapLinks(p: Place): { app: MapApp; href: string }[] {
  const q = (p.address ?? '').trim() || p.name;
  const e = encodeURIComponent;
  if (p.latitude != null && p.longitude != null) {
    const lat = p.latitude.toFixed(6);
    const lng = p.longitude.toFixed(6);
    return [
      { app: 'amap', href: `https://uri.amap.com/marker?position=${lng},${lat}&name=${e(p.name)}&coordinate=wgs84&callnative=1` },
      { app: 'baidu', href: `https://api.map.baidu.com/marker?location=${lat},${lng}&title=${e(p.name)}&content=${e(q)}&output=html&coord_type=wgs84&src=tandem` },
      { app: 'apple', href: `https://maps.apple.com/?ll=${lat},${lng}&q=${e(p.name)}` },
    ];
  }
  return [
    { app: 'amap', href: `https://uri.amap.com/search?keyword=${e(q)}&callnative=1` },
    { app: 'baidu', href: `https://api.map.baidu.com/geocoder?address=${e(q)}&output=html&src=tandem` },
    { app: 'apple', href: `https://maps.apple.com/?q=${e(q)}` },
  ];
}
