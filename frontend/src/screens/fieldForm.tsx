// Pieces the field forms share (CompetitorForm, PitchForm, OrderNew): a labelled input
// with its hint and its error, and a refusal turned into the form's own words.
import { useEffect, useRef } from 'preact/hooks';
import { ApiError, OfflineError } from '../lib/api';
import { tc } from '../ui/common.i18n';
import { refusal } from './fieldLogic';
import { tf } from './field.i18n';

const LABEL = { display: 'block', fontWeight: 600, marginBottom: '4px' } as const;

export function TextField({
  name,
  label,
  value,
  onInput,
  error,
  hint,
  type = 'text',
  inputMode,
  rows,
  maxLength,
  required,
}: {
  name: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  const ids = [hint && `${name}-hint`, error && `${name}-err`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: `f-${name}`,
    name,
    value,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids,
    'aria-required': required || undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  // The name is the label alone; the hint and the error describe the input.
  return (
    <div class="field">
      <label for={`f-${name}`} style={LABEL}>
        {label}
        {required && <span class="muted small"> ({tc('required')})</span>}
      </label>
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} inputMode={inputMode} autocomplete="off" {...common} />}
      {hint && (
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${name}-err`} style={{ display: 'block' }}>
          {error}
        </span>
      )}
    </div>
  );
}

export type Problem = { errs: Record<string, string>; form: string; conflict: boolean };

/**
 * A failed write in the form's words: a field the form has gets its text next to it, the
 * rest goes under the form; CONFLICT is told apart (the form shows both versions).
 * `text` is the form's messages (the shared ones are tf's).
 */
export function problemOf(x: unknown, fields: readonly string[], text: (key: string) => string = (k) => tf(k as 'fixErrors')): Problem {
  if (x instanceof OfflineError) return { errs: {}, form: tc('onlineOnly'), conflict: false };
  if (!(x instanceof ApiError)) return { errs: {}, form: tf('refused', { message: (x as Error)?.message ?? String(x) }), conflict: false };
  const r = refusal(x.code, x.extensions.field, x.message);
  if (!r) return { errs: {}, form: tf('refused', { message: x.message }), conflict: false };
  if (r.key === 'conflict') return { errs: {}, form: '', conflict: true };
  if (r.field !== 'form' && fields.includes(r.field)) return { errs: { [r.field]: text(r.key) }, form: tf('fixErrors'), conflict: false };
  return { errs: {}, form: r.field === 'form' ? tf(r.key as 'forbidden') : text(r.key), conflict: false };
}

/** The first field with an error gets the focus (the rep sees what to fix). */
export function focusFirst(errs: Record<string, string>, order: readonly string[]) {
  const k = order.find((f) => errs[f]);
  if (k) setTimeout(() => document.getElementById(`f-${k}`)?.focus(), 0);
}

/**
 * The record changed on the server since the form read it: what it holds now, and the
 * two ways on — load the server's values, or save the rep's over them. It scrolls
 * itself into view when it appears.
 */
export function ConflictBox({ text, onLoadTheirs, onOverwrite }: { text: string; onLoadTheirs: () => void; onOverwrite: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => void box.current?.scrollIntoView?.({ block: 'center' }), []);
  return (
    <div class="error" role="alert" ref={box}>
      <p>{text}</p>
      <div class="btn-row">
        <button type="button" class="btn" onClick={onLoadTheirs}>
          {tf('loadTheirs')}
        </button>
        <button type="button" class="btn primary" onClick={onOverwrite}>
          {tf('overwrite')}
        </button>
      </div>
    </div>
  );
}
