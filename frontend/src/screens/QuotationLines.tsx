// The prices of a quotation being drafted: one card per line (product, grade, from
// quantity, unit, unit price, note), added and removed; a new line starts with the
// product of the last one, as the next quantity break. Errors are shown at the field.
import type { ComponentChildren } from 'preact';
import { tf } from './quotations.i18n';
import { blankLine, MAX_LINES, type Errors, type LineForm } from './quotationLogic';

export interface ProductChoice {
  id: string;
  code: string;
  name: string;
  unit: string;
}

const idOf = (key: string) => 'qt-err-' + key.replace(/[^\w-]/g, '-');

/** aria-invalid and aria-describedby of an input whose error is errors[key] (with a hint id). */
export function errAttrs(errors: Errors, key: string, hint?: string) {
  const ids = [hint, errors[key] ? idOf(key) : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': !!errors[key], 'aria-describedby': ids || undefined };
}

/** The message under a field: a key of the form's words, or the server's own. */
export function FieldError({ errors, k }: { errors: Errors; k: string }) {
  const e = errors[k];
  if (!e) return null;
  return (
    <span class="field-error" id={idOf(k)} style={{ display: 'block' }}>
      {e in WORDS ? tf(e as keyof typeof WORDS) : e}
    </span>
  );
}

// The problem keys the form has words for (quotationLogic's draftErrors and serverError).
const WORDS = {
  badCurrency: 1,
  needFrom: 1,
  needUntil: 1,
  untilBeforeFrom: 1,
  tooLong3y: 1,
  periodOver: 1,
  badPaymentDays: 1,
  tooLong: 1,
  needLines: 1,
  tooManyLines: 1,
  needProduct: 1,
  needPrice: 1,
  badMinQuantity: 1,
  duplicateBreak: 1,
  badSample: 1,
  fixErrors: 1,
  editOnline: 1,
} as const;

function Labelled({ label, children, style }: { label: string; children: ComponentChildren; style?: Record<string, string | number> }) {
  return (
    <label class="field" style={style}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function QuotationLines({
  lines,
  products,
  currency,
  errors,
  onChange,
}: {
  lines: LineForm[];
  products: ProductChoice[];
  currency: string;
  errors: Errors;
  onChange: (lines: LineForm[], cleared?: string[]) => void;
}) {
  function set(i: number, patch: Partial<LineForm>) {
    onChange(
      lines.map((l, j) => (j === i ? { ...l, ...patch } : l)),
      Object.keys(patch).map((k) => `lines.${i}.${k}`),
    );
  }
  function pick(i: number, productID: string) {
    const p = products.find((x) => x.id === productID);
    const l = lines[i];
    // The product's own unit, unless the rep typed another.
    set(i, { productID, ...(p && (!l.unit.trim() || l.unit === 'kg') ? { unit: p.unit || 'kg' } : {}) });
  }
  function add() {
    const last = lines[lines.length - 1];
    onChange([...lines, blankLine(last ? { productID: last.productID, grade: last.grade, unit: last.unit } : {})]);
  }
  function remove(i: number) {
    // Line errors are by position: they go, and come back at the next save if still true.
    onChange(
      lines.filter((_, j) => j !== i),
      Object.keys(errors).filter((k) => k.startsWith('lines')),
    );
  }

  return (
    <>
      <p class="muted small" id="qt-lines-hint">
        {tf('linesHint')}
      </p>
      {lines.map((l, i) => {
        const at = (k: string) => `lines.${i}.${k}`;
        const n = i + 1;
        return (
          <fieldset class="card qt-line" key={l.key} data-line={i}>
            <legend>{tf('lineN', { n })}</legend>
            <Labelled label={tf('product')}>
              <select value={l.productID} onChange={(e) => pick(i, e.currentTarget.value)} {...errAttrs(errors, at('productID'))}>
                <option value="">{tf('pickProduct')}</option>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} {p.name}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} k={at('productID')} />
            </Labelled>
            <Labelled label={tf('grade')}>
              <input value={l.grade} maxLength={80} autocomplete="off" onInput={(e) => set(i, { grade: e.currentTarget.value })} {...errAttrs(errors, at('grade'))} />
              <FieldError errors={errors} k={at('grade')} />
            </Labelled>
            <div class="field-row">
              <Labelled label={tf('minQuantity')} style={{ flex: 2 }}>
                <input
                  type="text"
                  inputMode="decimal"
                  value={l.minQuantity}
                  autocomplete="off"
                  onInput={(e) => set(i, { minQuantity: e.currentTarget.value })}
                  {...errAttrs(errors, at('minQuantity'), `qt-min-hint-${i}`)}
                />
                <span class="hint" id={`qt-min-hint-${i}`}>
                  {tf('minHint')}
                </span>
                <FieldError errors={errors} k={at('minQuantity')} />
              </Labelled>
              <Labelled label={tf('unit')} style={{ flex: 1 }}>
                <input value={l.unit} maxLength={16} autocapitalize="off" autocomplete="off" onInput={(e) => set(i, { unit: e.currentTarget.value })} {...errAttrs(errors, at('unit'))} />
                <FieldError errors={errors} k={at('unit')} />
              </Labelled>
            </div>
            <Labelled label={tf('unitPrice', { currency: currency.trim().toUpperCase() || 'CNY' })}>
              <input
                type="text"
                inputMode="decimal"
                value={l.unitPrice}
                autocomplete="off"
                onInput={(e) => set(i, { unitPrice: e.currentTarget.value })}
                {...errAttrs(errors, at('unitPrice'))}
              />
              <FieldError errors={errors} k={at('unitPrice')} />
            </Labelled>
            <Labelled label={tf('lineNote')}>
              <input value={l.note} maxLength={300} autocomplete="off" onInput={(e) => set(i, { note: e.currentTarget.value })} {...errAttrs(errors, at('note'))} />
              <FieldError errors={errors} k={at('note')} />
            </Labelled>
            {lines.length > 1 && (
              <button type="button" class="btn danger" aria-label={tf('removeOf', { n })} onClick={() => remove(i)}>
                {tf('remove')}
              </button>
            )}
          </fieldset>
        );
      })}
      <FieldError errors={errors} k="lines" />
      {lines.length < MAX_LINES && (
        <>
          <button type="button" class="btn block" onClick={add} aria-describedby="qt-add-hint">
            + {tf('addLine')}
          </button>
          <p class="muted small" id="qt-add-hint">
            {tf('addLineHint')}
          </p>
        </>
      )}
    </>
  );
}
