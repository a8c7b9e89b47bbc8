// The parts both merge screens share (Merge.tsx: accounts, ContactMerge.tsx: contacts):
// a choice per field that differs, what will move, and the reason with the merge button.
import { ApiError } from '../lib/api';
import { lang } from '../lib/i18n';
import { Empty, Section } from '../ui/bits';
import { errorText } from '../ui/feedback';
import { other, t, tableNames } from './merge.i18n';

export type Side = 'SURVIVOR' | 'MERGED';
export type Diff = {
  field: string;
  survivor?: string | null;
  merged?: string | null;
};

export const say = (pair: [string, string] | undefined, fallback: [string, string]) => (lang.get() === 'zh' ? (pair ?? fallback)[1] : (pair ?? fallback)[0]);

/** The side kept when nobody picks: the survivor's value, or the merged one's where the survivor has none. */
export const sideOf = (picked: Record<string, Side>, f: Diff): Side => picked[f.field] ?? (f.survivor ? 'SURVIVOR' : 'MERGED');

export function FieldChoices(props: {
  diffs: Diff[];
  picked: Record<string, Side>;
  onPick: (p: Record<string, Side>) => void;
  names: Record<string, [string, string]>;
  sides: [string, string];
  shown: (field: string, value: string | null | undefined, side: Side) => string;
}) {
  const { diffs, picked, onPick, names, sides, shown } = props;
  return (
    <>
      {diffs.map((f) => (
        <fieldset class="card choices" key={f.field}>
          <legend>{say(names[f.field], [f.field, f.field])}</legend>
          {(['SURVIVOR', 'MERGED'] as const).map((side) => (
            <label key={side} class="row" style={{ cursor: 'pointer' }}>
              <input type="radio" name={`f-${f.field}`} checked={sideOf(picked, f) === side} onChange={() => onPick({ ...picked, [f.field]: side })} />
              <span>
                <span class="muted small">{side === 'SURVIVOR' ? sides[0] : sides[1]}:</span>{' '}
                {shown(f.field, side === 'SURVIVOR' ? f.survivor : f.merged, side)}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <p class="muted small">{t('sameEverywhere')}</p>
    </>
  );
}

export function Moves({ title, moves }: { title: string; moves: { table: string; count: number }[] }) {
  return (
    <Section title={title}>
      {moves.length === 0 ? (
        <Empty>{t('nothingMoves')}</Empty>
      ) : (
        <ul class="list">
          {moves.map((m) => (
            <li key={m.table}>
              {say(tableNames[m.table], other)}: {m.count}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A refused merge in the screen's words, by its code (the server's reasons are English). */
export function refusalText(err: unknown, by: Record<'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT', string>): string {
  if (err instanceof ApiError && err.code in by) return by[err.code as keyof typeof by];
  return errorText(err, by.CONFLICT);
}

/** The reason (optional, on the timeline), the refusal if any, and the merge button. */
export function ReasonAndMerge(props: { reason: string; onReason: (r: string) => void; hint: string; error: string; busy: boolean; action: string }) {
  return (
    <>
      <label class="field">
        <span>{t('reason')}</span>
        <textarea rows={2} placeholder={props.hint} value={props.reason} maxLength={500} onInput={(e) => props.onReason((e.target as HTMLTextAreaElement).value)} />
      </label>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" class="btn primary block" disabled={props.busy}>
        {props.action}
      </button>
    </>
  );
}
