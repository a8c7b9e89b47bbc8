// Opens a place in the map apps reps use; each link says which app it opens.
import { messages } from '../lib/i18n';
import { mapLinks, type Place } from '../lib/place';

const t = messages(
  'maps',
  { amap: 'Amap', baidu: 'Baidu Maps', apple: 'Apple Maps', open: 'Open {name} in {app}', label: 'Open in a map app' },
  { amap: '高德地图', baidu: '百度地图', apple: 'Apple 地图', open: '在{app}中打开{name}', label: '在地图中打开' },
);

export function MapLinks({ place }: { place: Place }) {
  return (
    <span class="map-links" role="group" aria-label={t('label')}>
      {mapLinks(place).map((l) => (
        <a key={l.app} class="btn" href={l.href} target="_blank" rel="noopener noreferrer">
          {t(l.app)}
        </a>
      ))}
    </span>
  );
}
