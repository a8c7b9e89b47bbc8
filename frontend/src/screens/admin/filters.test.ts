import { describe, expect, it } from 'vitest';
import { auditWhere, noAuditFilter, userWhere } from './filters';

describe('userWhere', () => {
  const all = { q: '', role: '', team: '', status: '' };
  it('is empty without a filter', () => expect(userWhere(all)).toEqual({}));
  it('searches name or email, trimmed', () =>
    expect(userWhere({ ...all, q: ' wang ' })).toEqual({ or: [{ nameContainsFold: 'wang' }, { emailContainsFold: 'wang' }] }));
  it('filters by role, team, no team and status', () => {
    expect(userWhere({ ...all, role: 'REP', team: 'T1' })).toEqual({ role: 'REP', teamID: 'T1' });
    expect(userWhere({ ...all, team: '-' })).toEqual({ teamIDIsNil: true });
    expect(userWhere({ ...all, status: 'inactive' })).toEqual({ active: false });
    expect(userWhere({ ...all, status: 'active' })).toEqual({ active: true });
  });
});

describe('auditWhere', () => {
  it('leaves out what imports wrote when asked', () =>
    expect(auditWhere({ ...noAuditFilter, action: 'CREATE', hideImports: true })).toEqual({ action: 'CREATE', or: [{ actorLabelIsNil: true }, { not: { actorLabelHasPrefix: 'import' } }] }));
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
