import { describe, expect, it } from 'vitest';
import { lang } from '../lib/i18n';
import { decisions, nextMilestone, type SummaryData } from './ReportSummary';

const base: SummaryData = {
  customer: { stage: 'TRIAL', stageChangedAt: '2026-10-01T00:00:00Z' },
  yearToDate: { year: 2026, orders: 0, quantities: [], values: [] },
  openIssues: [],
  samplesInFlight: [],
  openTasks: [],
  nextContact: null,
};

describe('the report summary', () => {
  it('puts problems past SLA before trials, and flags an evaluation', () => {
    lang.set('en');
    const r = {
      ...base,
      customer: { stage: 'EVALUATION' },
      openIssues: [{ sla: { breached: true } }, { sla: { breached: false } }],
      samplesInFlight: [{ status: 'PILOT_TRIAL' }, { status: 'SHIPPED' }],
    };
    expect(decisions(r)).toEqual([
      '1 problem(s) past their service level',
      '1 sample(s) in trial: results to follow up',
      'Evaluation under way: keep the receiving chain covered',
    ]);
    expect(decisions({ ...base, openIssues: [{ sla: null }] })).toEqual(['1 open problem(s)']);
    expect(decisions(base)).toEqual([]);
  });
  it('takes the earlier of the next contact and the next dated task', () => {
    lang.set('en');
    const task = { title: 'Send COA', dueAt: '2026-12-10T09:00:00Z' };
    expect(nextMilestone({ ...base, openTasks: [{ title: 'undated' }, task] })).toMatch(/^Send COA, due /);
    expect(nextMilestone({ ...base, openTasks: [task], nextContact: { kind: 'VISIT', occurredAt: '2026-12-08T02:00:00Z' } })).toMatch(/^Visit on /);
    expect(nextMilestone(base)).toBe('No next step planned: plan one.');
  });
});
