// A person's Today as a manager opens it from the team (/team/:id): the same plan, read
// only — their tasks are theirs to tick, their snoozes theirs to set.
import { graphql } from '../graphql';
import { messages } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { Query } from '../ui/bits';
import { Header } from '../ui/Layout';
import { Plan, TodayItemFields } from './Today';

const t = messages('theirToday', { title: "{name}'s Today", loading: 'Today' }, { title: '{name}的今日', loading: '今日' });

const TheirTodayQuery = graphql(
  `
  query TheirToday($id: ID!) {
    node(id: $id) { id ... on User { name } }
    today(userID: $id) { total totalAtLeast counts { kind count atLeast } items { ...TodayItemFields } }
  }
`,
  [TodayItemFields],
);

export function TheirToday({ id }: { id: string }) {
  const q = useQuery(TheirTodayQuery, { id });
  const name = q.data?.node && 'name' in q.data.node ? q.data.node.name : '';
  return (
    <>
      <Header title={name ? t('title', { name }) : t('loading')} back="/team" />
      <main class="content">
        <Query q={q}>{(d) => <Plan today={d.today} userID={id} />}</Query>
      </main>
    </>
  );
}
