// The accounts near the rep, nearest first: where their visits were checked in. Asks
// the phone where it is (with permission), then the server (nearbyCustomers).
import { useEffect, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { request } from '../lib/api';
import { messages } from '../lib/i18n';
import { formatDistance, here, type Here } from '../lib/place';
import { label } from '../i18n/enums';
import { Empty, ErrorBox, Loading } from '../ui/bits';
import { Header } from '../ui/Layout';
import { MapLinks } from '../ui/MapLinks';

const t = messages(
  'nearby',
  {
    title: 'Nearby',
    locating: 'Finding where you are…',
    denied: 'The phone did not allow Tandem to know where it is. Allow location for this site in the browser’s settings, then try again.',
    unavailable: 'The phone could not tell where it is. Try again outdoors or with Wi-Fi on.',
    retry: 'Try again',
    none: 'No account with a known place within 50 km. An account gets its place when a visit there is logged with “Check in”.',
    accuracy: 'Your place, to within {m}',
  },
  {
    title: '附近的客户',
    locating: '正在获取位置…',
    denied: '手机未允许 Tandem 获取位置。请在浏览器设置中允许此网站定位，然后重试。',
    unavailable: '手机无法确定位置。请到室外或打开 Wi-Fi 后重试。',
    retry: '重试',
    none: '50 公里内没有已知位置的客户。拜访时勾选“签到”记录拜访，客户就有了位置。',
    accuracy: '你的位置，误差约 {m}',
  },
);

const NearbyQuery = graphql(`
  query Nearby($lat: Float!, $lng: Float!) {
    nearbyCustomers(latitude: $lat, longitude: $lng, first: 30) {
      distance
      customer { id name stage address latitude longitude }
    }
  }
`);

type Row = ResultOf<typeof NearbyQuery>['nearbyCustomers'][number];

export function Nearby() {
  const [place, setPlace] = useState<Here | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<'denied' | 'unavailable' | null>(null);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setProblem(null);
    setError(undefined);
    setRows(null);
    here()
      .then(async (p) => {
        if (!live) return;
        setPlace(p);
        const d = await request(NearbyQuery, { lat: p.latitude, lng: p.longitude });
        if (live) setRows(d.nearbyCustomers);
      })
      .catch((e: Error) => {
        if (!live) return;
        if (e.message === 'denied' || e.message === 'unavailable') setProblem(e.message);
        else setError(e);
      });
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = () => setAttempt((n) => n + 1);
  return (
    <>
      <Header title={t('title')} back="/accounts" />
      <main class="content">
        {problem ? (
          <div class="card">
            <p role="alert">{t(problem)}</p>
            <button type="button" class="btn primary block" onClick={retry}>
              {t('retry')}
            </button>
          </div>
        ) : error ? (
          <ErrorBox error={error} onRetry={retry} />
        ) : !place ? (
          <p class="muted loading" role="status" aria-live="polite">
            {t('locating')}
          </p>
        ) : !rows ? (
          <Loading />
        ) : (
          <>
            <p class="muted">{t('accuracy', { m: formatDistance(place.accuracy) })}</p>
            {!rows.length ? (
              <Empty>{t('none')}</Empty>
            ) : (
              <ul class="list">
                {rows.map((r) => (
                  <li key={r.customer.id} class="nearby-row">
                    <a class="row" href={`/customers/${r.customer.id}`}>
                      <span class="row-main">
                        <span class="row-title">{r.customer.name}</span>
                        <span class="row-sub">
                          {label('CustomerStage', r.customer.stage)}
                          {r.customer.address ? ' · ' + r.customer.address : ''}
                        </span>
                      </span>
                      <span class="row-side">{formatDistance(r.distance)}</span>
                    </a>
                    <div class="today-acts">
                      <MapLinks place={r.customer} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </main>
    </>
  );
}
