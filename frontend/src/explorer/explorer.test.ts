import { describe, expect, it } from 'vitest';
import { registry } from '../lib/i18n';
import { mayExplore } from '../lib/api';
import { parseSession } from './access';
import './explorer.i18n';
import { fileNameFrom as fileNameOf } from '../lib/download';
import { connectionOf, trailingError } from './export';
import { costOf } from './fetcher';
import { userStorage } from './storage';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

describe('explorer', () => {
  it('is for whom the server says (AuthPayload.access), not a role list of its own', () => {
    const base = { accessToken: 'a', refreshToken: 'r', expiresAt: 'x', user: { id: '1', name: 'n', email: 'e', role: 'REP', function: '', locale: 'zh' } };
    expect(mayExplore({ ...base, access: { explorer: true, reads: [] } })).toBe(true);
    expect(mayExplore({ ...base, user: { ...base.user, role: 'ANALYST' }, access: { explorer: false, reads: [] } })).toBe(false);
    expect(mayExplore({ ...base, user: { ...base.user, role: 'ANALYST' } })).toBe(false);
    expect(mayExplore(null)).toBe(false);
  });

  it('reads the app session and ignores anything else', () => {
    expect(parseSession(null)).toBeNull();
    expect(parseSession('not json')).toBeNull();
    expect(parseSession('{"user":{}}')).toBeNull();
    expect(parseSession('{"accessToken":"a","refreshToken":"r","expiresAt":"x","user":{"role":"ANALYST"}}')?.accessToken).toBe('a');
  });

  it('finds the one root connection to export', () => {
    expect(connectionOf('query($after: Cursor) { customers(first: 100, after: $after) { edges { node { name } } } }')).toBe('customers');
    expect(connectionOf('{ __typename list: customers { totalCount } }')).toBe('list');
    expect(connectionOf('{ customers { totalCount } samples { totalCount } }')).toBeNull();
    expect(connectionOf('query A { customers { totalCount } } query B { samples { totalCount } }')).toBeNull();
    expect(connectionOf('query A { customers { totalCount } } query B { samples { totalCount } }', 'B')).toBe('samples');
    expect(connectionOf('mutation { logout(input: {refreshToken: "x"}) }')).toBeNull();
    expect(() => connectionOf('{ customers {')).toThrow(/Syntax Error/);
  });

  it('names the file and notices a cut-short export', () => {
    expect(fileNameOf('attachment; filename="customers.csv"', 'x.csv')).toBe('customers.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
    expect(trailingError('name\nA\n#error,export stopped after 1000 pages: narrow the query with where\n')).toBe(
      'export stopped after 1000 pages: narrow the query with where',
    );
    expect(trailingError('name\n"#error, in a name"\n')).toBeNull();
    expect(trailingError('name\nA\n#error,"a, b"\n')).toBe('a, b');
  });

  it('reads the cost the server reports', () => {
    expect(costOf({ data: {}, extensions: { cost: { requested: 11 } } })).toEqual({ requested: 11, remaining: undefined, limit: undefined });
    expect(costOf({ extensions: { cost: { requested: 5, remaining: 95, limit: 100 } } })).toEqual({ requested: 5, remaining: 95, limit: 100 });
    expect(costOf({ errors: [{ message: 'too costly', extensions: { code: 'BAD_USER_INPUT', cost: 60000 } }] })).toEqual({ requested: 60000 });
    expect(costOf({ data: {} })).toBeNull();
  });

  it("keeps each user's GraphiQL state apart", () => {
    const base = new MemoryStorage();
    base.setItem('tandem.session', '{}');
    const a = userStorage('US1', base);
    const b = userStorage('US2', base);
    a.setItem('graphiql:tabs', 'A');
    b.setItem('graphiql:tabs', 'B');
    expect(a.getItem('graphiql:tabs')).toBe('A');
    expect(b.getItem('graphiql:tabs')).toBe('B');
    expect(a.length).toBe(1);
    a.clear();
    expect(a.getItem('graphiql:tabs')).toBeNull();
    expect(b.getItem('graphiql:tabs')).toBe('B');
    expect(base.getItem('tandem.session')).toBe('{}');
  });

  it('has every message in both languages with the same placeholders', () => {
    const r = registry.find((x) => x.name === 'explorer')!;
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
    for (const k of Object.keys(r.en)) {
      expect(r.zh[k], k).toBeTruthy();
      expect(ph(r.zh[k]), k).toBe(ph(r.en[k]));
    }
  });
});
