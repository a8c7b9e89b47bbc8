import { describe, expect, it } from 'vitest';
import { auditWhere, filterUsers, noAuditFilter } from './filters';

const users = [
  { id: '1', name: 'Li Na', email: 'li@x.cn', role: 'REP', active: true, teamID: 'T1' },
  { id: '2', name: 'Wang Fang', email: 'wang@x.cn', role: 'MANAGER', active: false, teamID: 'T1' },
  { id: '3', name: 'Admin', email: 'root@x.cn', role: 'ADMIN', active: true, teamID: null },
];

describe('filterUsers', () => {
  const all = { q: '', role: '', team: '', status: '' };
  it('keeps everyone without a filter', () => expect(filterUsers(users, all).length).toBe(3));
  it('searches name and email, ignoring case', () => {
    expect(filterUsers(users, { ...all, q: 'WANG' }).map((u) => u.id)).toEqual(['2']);
    expect(filterUsers(users, { ...all, q: 'root@' }).map((u) => u.id)).toEqual(['3']);
  });
  it('filters by role, team, no team and status', () => {
    expect(filterUsers(users, { ...all, role: 'REP' }).map((u) => u.id)).toEqual(['1']);
    expect(filterUsers(users, { ...all, team: 'T1' }).map((u) => u.id)).toEqual(['1', '2']);
    expect(filterUsers(users, { ...all, team: '-' }).map((u) => u.id)).toEqual(['3']);
    expect(filterUsers(users, { ...all, status: 'inactive' }).map((u) => u.id)).toEqual(['2']);
    expect(filterUsers(users, { ...all, status: 'active', team: 'T1' }).map((u) => u.id)).toEqual(['1']);
  });
});

describe('auditWhere', () => {
  it('is empty without a filter', () => expect(auditWhere(noAuditFilter)).toEqual({}));
  it('turns dates into whole UTC days, the last one included', () => {
    expect(auditWhere({ ...noAuditFilter, from: '2026-12-01', to: '2026-12-31' })).toEqual({
      atGTE: '2026-12-01T00:00:00Z',
      atLT: '2027-01-01T00:00:00.000Z',
    });
  });
  it('passes actor, type, id and action, trimmed; ignores a malformed date', () => {
    expect(auditWhere({ ...noAuditFilter, actorID: 'US1', entityType: ' User ', entityID: 'US2', action: 'UPDATE', from: '12/01' })).toEqual({
      actorID: 'US1',
      entityType: 'User',
      entityID: 'US2',
      action: 'UPDATE',
    });
  });
});
