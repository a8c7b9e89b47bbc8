// The classification weights form: its fields, and the checks the server makes
// (domain/classification.Validate), so a mistake is shown at its field before saving.

export const weightFields = [
  ['weightScale', 'w_scale'],
  ['weightTechnicalLevel', 'w_technical_level'],
  ['weightCredit', 'w_credit'],
  ['weightDemand', 'w_demand'],
  ['weightEaseOfClosing', 'w_ease_of_closing'],
] as const;

export type WeightField = (typeof weightFields)[number][0];
export type FormField = WeightField | 'tierA' | 'tierB' | 'minInputs';
export type WeightsForm = Record<FormField, string>;
export type Problem = 'errWeight' | 'errWeights' | 'errTier' | 'errTierB' | 'errMinInputs';

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** Each field's problem (none when the form may be saved); 'weights' is the five together. */
export function check(f: WeightsForm): Partial<Record<FormField | 'weights', Problem>> {
  const out: Partial<Record<FormField | 'weights', Problem>> = {};
  let positive = false;
  for (const [k] of weightFields) {
    const v = num(f[k]);
    if (!Number.isFinite(v) || v < 0) out[k] = 'errWeight';
    else if (v > 0) positive = true;
  }
  if (!positive && !weightFields.some(([k]) => out[k])) out.weights = 'errWeights';
  const a = num(f.tierA);
  const b = num(f.tierB);
  if (!(a >= 1 && a <= 5)) out.tierA = 'errTier';
  if (!(b >= 1 && b <= 5)) out.tierB = 'errTier';
  else if (a >= 1 && a <= 5 && b > a) out.tierB = 'errTierB';
  const m = num(f.minInputs);
  if (!Number.isInteger(m) || m < 1 || m > 5) out.minInputs = 'errMinInputs';
  return out;
}

/** The server's field name for a refused input, as a form field ('weights' for all five). */
export function problemOf(field: unknown): [FormField | 'weights', Problem] | undefined {
  switch (field) {
    case 'tierA':
      return ['tierA', 'errTier'];
    case 'tierB':
      return ['tierB', 'errTierB'];
    case 'minInputs':
      return ['minInputs', 'errMinInputs'];
    case 'weights':
      return ['weights', 'errWeights'];
  }
  const w = weightFields.find(([k]) => k === field);
  return w ? [w[0], 'errWeight'] : undefined;
}
