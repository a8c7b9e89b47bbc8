import { describe, expect, it } from 'vitest';
import { daysInStage, mainCompetitor } from './LobbyCard';

describe('lobby card', () => {
  it('names the competitor with the largest share, or the first when no share is known', () => {
    expect(mainCompetitor([{ id: 'a', sharePercent: 10 }, { id: 'b', sharePercent: 55 }, { id: 'c' }])?.id).toBe('b');
    expect(mainCompetitor([{ id: 'a' }, { id: 'b', sharePercent: null }])?.id).toBe('a');
    expect(mainCompetitor([])).toBeUndefined();
  });
  it('counts whole days in the stage the account is in', () => {
    const spans = [
      { stage: 'VISITED', leftAt: '2026-11-01T00:00:00Z', days: 12.5 },
      { stage: 'SAMPLING', leftAt: null, days: 33.9 },
    ];
    expect(daysInStage(spans)).toBe(33);
    expect(daysInStage([spans[0]])).toBeUndefined();
  });
});
