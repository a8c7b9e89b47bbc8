// The lobby card: what a rep reads in the customer's lobby in 30 seconds — where the
// account stands and for how long, the samples in trial and their latest result, the
// last promises, the open problems and their SLA, the main competitor, and whom we
// meet today with their attitude. On the account's first page and in visit mode.
import { formatNumber, messages } from '../lib/i18n';
import { label } from '../i18n/enums';
import { Badge } from '../ui/bits';

const t = messages(
  'lobby',
  {
    title: 'Before you go in',
    stageFor: '{stage} for {days} days',
    trials: 'In trial',
    latest: 'latest: {outcome}',
    noResult: 'no result yet',
    promised: 'We promised',
    problems: 'Open problems',
    pastSla: 'past SLA',
    onTime: 'within SLA',
    competitor: 'Main competitor: {name}',
    share: '{share}% of their purchases',
    meet: 'We meet today',
    nothing: 'Nothing in trial, no open problem, no promise pending.',
  },
  {
    title: '进门前看一眼',
    stageFor: '{stage}，已 {days} 天',
    trials: '试样中',
    latest: '最新结果：{outcome}',
    noResult: '尚无结果',
    promised: '我们的承诺',
    problems: '未解决的问题',
    pastSla: '已超时',
    onTime: '未超时',
    competitor: '主要竞争对手：{name}',
    share: '占其采购 {share}%',
    meet: '今天见',
    nothing: '没有试样中的样品、未解决的问题或待兑现的承诺。',
  },
);

/** What the card reads of the customer report (both screens' queries ask for it). */
export interface LobbyData {
  customer: { stage: string; tier?: string | null };
  stageTimeline: readonly { stage: string; leftAt?: string | null; days: number }[];
  samplesInFlight: readonly {
    id: string;
    status: string;
    product: { name: string };
    trials: { edges?: readonly ({ node?: { outcome: string } | null } | null)[] | null };
  }[];
  promises: readonly string[];
  openIssues: readonly { id: string; title: string; sla: { breached: boolean } }[];
  competitors: readonly { id: string; name: string; sharePercent?: number | null }[];
  keyPersons: readonly { attitude: string; contact: { id: string } }[];
}

const IN_TRIAL = new Set(['RECEIVED', 'LAB_TRIAL', 'PILOT_TRIAL']);

/** The competitor with the largest share of the customer's purchases (the first when none is known). */
export function mainCompetitor<C extends { sharePercent?: number | null }>(cs: readonly C[]): C | undefined {
  return [...cs].sort((a, b) => (b.sharePercent ?? -1) - (a.sharePercent ?? -1))[0];
}

/** Days in the current stage: the open span of the stage timeline. */
export function daysInStage(spans: LobbyData['stageTimeline']): number | undefined {
  const open = spans.find((s) => !s.leftAt);
  return open ? Math.floor(open.days) : undefined;
}

const attitudeTone = (a: string) =>
  a === 'CHAMPION' || a === 'SUPPORTER' ? 'good' : a === 'OPPONENT' || a === 'SKEPTIC' ? 'bad' : undefined;

export function LobbyCard({ r, meet = [] }: { r: LobbyData; meet?: readonly { id: string; name: string }[] }) {
  const days = daysInStage(r.stageTimeline);
  const stage = label('CustomerStage', r.customer.stage);
  const trials = r.samplesInFlight.filter((s) => IN_TRIAL.has(s.status));
  const rival = mainCompetitor(r.competitors);
  const attitude = new Map(r.keyPersons.map((k) => [k.contact.id, k.attitude]));
  const empty = !trials.length && !r.promises.length && !r.openIssues.length;
  return (
    <section class="card lobby" aria-labelledby="lobby-h">
      <h2 id="lobby-h">{t('title')}</h2>
      <p>
        <Badge tone="info">{days !== undefined ? t('stageFor', { stage, days }) : stage}</Badge>{' '}
        {r.customer.tier && <Badge tone={r.customer.tier === 'A' ? 'good' : undefined}>{label('CustomerTier', r.customer.tier)}</Badge>}
      </p>
      {!!meet.length && (
        <>
          <h3>{t('meet')}</h3>
          <ul class="plain">
            {meet.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                {attitude.has(p.id) && <Badge tone={attitudeTone(attitude.get(p.id)!)}>{label('KeyPersonAttitude', attitude.get(p.id))}</Badge>}
              </li>
            ))}
          </ul>
        </>
      )}
      {!!trials.length && (
        <>
          <h3>{t('trials')}</h3>
          <ul class="plain">
            {trials.map((s) => {
              const last = (s.trials.edges ?? []).map((e) => e?.node?.outcome).filter((x): x is string => !!x)[0];
              return (
                <li key={s.id}>
                  <a href={`/samples/${s.id}`}>{s.product.name}</a> · {label('SampleStatus', s.status)} ·{' '}
                  <span class="muted">{last ? t('latest', { outcome: label('TrialOutcome', last) }) : t('noResult')}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {!!r.promises.length && (
        <>
          <h3>{t('promised')}</h3>
          <ul class="plain">
            {r.promises.slice(0, 2).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {!!r.openIssues.length && (
        <>
          <h3>{t('problems')}</h3>
          <ul class="plain">
            {r.openIssues.slice(0, 3).map((i) => (
              <li key={i.id}>
                <a href={`/problems/${i.id}`}>{i.title}</a>{' '}
                <Badge tone={i.sla.breached ? 'bad' : 'good'}>{i.sla.breached ? t('pastSla') : t('onTime')}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}
      {rival && (
        <p class="small">
          {t('competitor', { name: rival.name })}
          {rival.sharePercent != null && <span class="muted"> · {t('share', { share: formatNumber(rival.sharePercent, 0) })}</span>}
        </p>
      )}
      {empty && <p class="muted small">{t('nothing')}</p>}
    </section>
  );
}
