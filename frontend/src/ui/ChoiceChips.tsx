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
