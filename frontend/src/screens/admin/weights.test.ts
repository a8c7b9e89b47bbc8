import { describe, expect, it } from 'vitest';
import { check, problemOf, type WeightsForm } from './weights';

const ok: WeightsForm = {
  weightScale: '1', weightTechnicalLevel: '1', weightCredit: '1.5', weightDemand: '2', weightEaseOfClosing: '1.5',
  tierA: '3.8', tierB: '2.8', minInputs: '3',
};

describe('classification weights form', () => {
  it('accepts what the server accepts', () => {
    expect(check(ok)).toEqual({});
    expect(check({ ...ok, weightCredit: '0', tierA: '3', tierB: '3' })).toEqual({});
  });
  it.each([
    [{ weightDemand: '-1' }, 'weightDemand', 'errWeight'],
    [{ weightScale: '' }, 'weightScale', 'errWeight'],
    [{ weightScale: 'x' }, 'weightScale', 'errWeight'],
    [{ weightScale: '0', weightTechnicalLevel: '0', weightCredit: '0', weightDemand: '0', weightEaseOfClosing: '0' }, 'weights', 'errWeights'],
    [{ tierA: '5.5' }, 'tierA', 'errTier'],
    [{ tierB: '0' }, 'tierB', 'errTier'],
    [{ tierA: '3', tierB: '3.5' }, 'tierB', 'errTierB'],
    [{ minInputs: '0' }, 'minInputs', 'errMinInputs'],
    [{ minInputs: '2.5' }, 'minInputs', 'errMinInputs'],
  ])('refuses %o at %s', (change, field, problem) => {
    expect(check({ ...ok, ...change })).toMatchObject({ [field]: problem });
  });
  it("places the server's refusals at their field", () => {
    expect(problemOf('weightCredit')).toEqual(['weightCredit', 'errWeight']);
    expect(problemOf('tierB')).toEqual(['tierB', 'errTierB']);
    expect(problemOf('somethingElse')).toBeUndefined();
  });
});
