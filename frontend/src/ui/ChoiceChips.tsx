// One choice among an enum's values, as chips (tap again to clear), labelled in the
// app's language.
import { label } from '../i18n/enums';

export function ChoiceChips({ legend, values, enumName, value, onPick }: {
  legend: string;
  values: readonly string[];
  enumName: string;
  value: string | null;
  onPick: (v: string | null) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="chips">
        {values.map((v) => (
          <button key={v} type="button" class="chip" aria-pressed={value === v} onClick={() => onPick(value === v ? null : v)}>
            {label(enumName, v)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** Several of a list's values, as chips (each tap adds or removes one); `value` is kept in
 * the list's order. `labelOf` names each value in the app's language. */
export function MultiChips({ legend, values, labelOf, value, onChange, describedBy }: {
  legend: string;
  values: readonly string[];
  labelOf: (v: string) => string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  describedBy?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div class="chips">
        {values.map((v) => {
          const on = value.includes(v);
          return (
            <button key={v} type="button" class="chip" aria-pressed={on} onClick={() => onChange(values.filter((x) => (x === v ? !on : value.includes(x))))}>
              {labelOf(v)}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
