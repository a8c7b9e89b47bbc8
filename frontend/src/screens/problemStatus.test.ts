import { describe, expect, it } from 'vitest';
import { primaryStep } from './problemStatus';

describe('primaryStep', () => {
  it.each([
    ['OPEN', 'RESPONDED', true],
    ['RESPONDED', 'ON_SITE', true],
    ['DISPOSITION', 'RESOLVED', true],
    ['OPEN', 'CLOSED', false], // closing an unresolved problem is not the way forward
    ['RESOLVED', 'CLOSED', true],
    ['RESOLVED', 'DISPOSITION', false], // reopening
    ['RESOLVED', 'OPEN', false],
  ])('%s → %s primary: %s', (from, to, want) => {
    expect(primaryStep(from, to)).toBe(want);
  });
});
