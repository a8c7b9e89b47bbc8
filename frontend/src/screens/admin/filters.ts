// Pure helpers of the administration screens: the users list's filter and the audit
// log's filter turned into the server's where inputs.

export interface UserFilter {
  q: string;
  role: string;
  team: string;
  /** '' all, 'active', 'inactive' */
  status: string;
}

/** The UserWhereInput of a filter: search in name or email (case-insensitive), role, team ('-' = none), status. */
export function userWhere(f: UserFilter): Record<string, unknown> {
  const w: Record<string, unknown> = {};
  const q = f.q.trim();
  if (q) w.or = [{ nameContainsFold: q }, { emailContainsFold: q }];
  if (f.role) w.role = f.role;
  if (f.team === '-') w.teamIDIsNil = true;
  else if (f.team) w.teamID = f.team;
  if (f.status) w.active = f.status === 'active';
  return w;
}

export interface AuditFilter {
  actorID: string;
  entityType: string;
  entityID: string;
  action: string;
  /** yyyy-mm-dd, inclusive */
  from: string;
  /** yyyy-mm-dd, inclusive */
  to: string;
  /** Leave out what imports wrote (their actor label starts with "import"). */
  hideImports?: boolean;
}

export const noAuditFilter: AuditFilter = { actorID: '', entityType: '', entityID: '', action: '', from: '', to: '' };

/** The AuditEventWhereInput of a filter; dates are whole UTC days, "to" included. */
export function auditWhere(f: AuditFilter): Record<string, unknown> {
  const w: Record<string, unknown> = {};
  // Old rows have no label at all (NULL, which no prefix test keeps): kept explicitly.
  if (f.hideImports) w.or = [{ actorLabelIsNil: true }, { not: { actorLabelHasPrefix: 'import' } }];
  if (f.actorID) w.actorID = f.actorID;
  if (f.entityType.trim()) w.entityType = f.entityType.trim();
  if (f.entityID.trim()) w.entityID = f.entityID.trim();
  if (f.action) w.action = f.action;
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.from)) w.atGTE = f.from + 'T00:00:00Z';
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.to)) {
    const next = new Date(f.to + 'T00:00:00Z');
    next.setUTCDate(next.getUTCDate() + 1);
    w.atLT = next.toISOString();
  }
  return w;
}

/** list with s added, or taken out when it is there (a checkbox group's values). */
export function toggled(list: string[], s: string): string[] {
  return list.includes(s) ? list.filter((x) => x !== s) : [...list, s];
}
