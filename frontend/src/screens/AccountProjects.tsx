// On an account's first page: its joint projects (合作项目), newest first — kind, status,
// milestones done of all — and the way to a new one. Loads with its own query.
import { graphql } from '../graphql';
import { label } from '../i18n/enums';
import { formatDate, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Section } from '../ui/bits';
import { milestoneCount, statusTone } from './commercialLogic';
import { tp } from './projects.i18n';

export const AccountProjectsQuery = graphql(`
  query AccountProjects($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        projects(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
          totalCount
          edges { node { id title kind status startedAt endedAt milestones { id doneAt } } }
        }
      }
    }
  }
`);

export function AccountProjects({ id }: { id: string }) {
  useStore(lang);
  const q = useQuery(AccountProjectsQuery, { id });
  const node = q.data?.node && 'projects' in q.data.node ? q.data.node : null;
  if (!node) return null;
  const items = (node.projects.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Section title={tp('sectionTitle')} count={node.projects.totalCount} id="projects">
      {items.length === 0 ? (
        <Empty>{tp('empty')}</Empty>
      ) : (
        <ul class="list">
          {items.map((p) => {
            const m = milestoneCount(p.milestones);
            const when = p.endedAt ? tp('ended', { date: formatDate(p.endedAt) }) : p.startedAt ? tp('started', { date: formatDate(p.startedAt) }) : '';
            return (
              <li key={p.id}>
                <a class="row" href={`/projects/${encodeURIComponent(p.id)}`}>
                  <span class="row-main">
                    <span class="row-title">{p.title}</span>
                    <span class="row-sub">
                      {[label('ProjectKind', p.kind), m.total ? tp('milestonesN', m) : tp('noMilestones'), when].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                  <Badge tone={statusTone(p.status)}>{label('ProjectStatus', p.status)}</Badge>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <a class="btn" href={`/customers/${encodeURIComponent(id)}/projects/new`}>
        + {tp('add')}
      </a>
    </Section>
  );
}
