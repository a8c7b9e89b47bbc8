// Credit on an order's page: its payment terms (its own, else those its invoice will
// take from its agreement or its account) and when its receipt is due (overdue in
// red, and said so), and the credit check of confirming it — beyond the account's limit
// a rep is told a manager confirms it, and a manager is asked why before confirming. A
// refusal from the server is said with its figures in the app's language.
import { formatDate, formatNumber } from '../lib/i18n';
import { Badge } from '../ui/bits';
import { tcr } from './commercial.i18n';
import { creditRefusal, receiptOverdue } from './commercialLogic';

type Terms = { paymentDays?: number | null; invoiceTerms?: number | null; paymentDueAt?: string | null; paidAt?: string | null };

/** The order's terms, as rows of its summary (dt/dd). */
export function PaymentRows({ o }: { o: Terms }) {
  const late = receiptOverdue({ paymentDueAt: o.paymentDueAt, paid: !!o.paidAt });
  return (
    <>
      {(o.paymentDays ?? o.invoiceTerms) != null && (
        <>
          <dt>{tcr('paymentDays')}</dt>
          <dd data-testid="payment-terms">{tcr('days', { n: (o.paymentDays ?? o.invoiceTerms) as number })}</dd>
        </>
      )}
      {o.paymentDueAt && (
        <>
          <dt>{tcr('dueLabel')}</dt>
          <dd class={late ? 'late' : undefined} data-testid="payment-due">
            {late ? tcr('dueOverdue', { date: formatDate(o.paymentDueAt) }) : tcr('dueOn', { date: formatDate(o.paymentDueAt) })}
            {late && (
              <>
                {' '}
                <Badge tone="bad">{tcr('overdueShort')}</Badge>
              </>
            )}
          </dd>
        </>
      )}
    </>
  );
}

const money = (n: number, cur: string) => `${formatNumber(n, 2)} ${cur}`;

/** The server's refusal of a credit check, in the app's language (its own text when not one). */
export function refusalText(refusal: { message?: string; extensions?: Record<string, unknown> } | undefined): string {
  const r = creditRefusal(refusal);
  if (!r) return refusal?.message ?? '';
  if (r.kind === 'unknown') return tcr('creditUnknown', { limit: money(r.limit, r.currency) });
  return tcr('creditBeyond', { open: money(r.open, r.currency), limit: money(r.limit, r.currency), value: money(r.amount, r.currency) });
}

/** Said beside the 确认 step when confirming goes beyond the limit (known beforehand or refused). */
export function CreditHint({ manager, refusal, note, onNote, id }: { manager: boolean; refusal?: { message?: string; extensions?: Record<string, unknown> }; note: string; onNote: (v: string) => void; id: string }) {
  return (
    <span class="stale cm-block" role="note">
      {refusal && <span class="cm-block">{refusalText(refusal)}</span>}
      {manager ? (
        <label class="field">
          <span>{tcr('creditNoteLabel')}</span>
          <textarea rows={2} id={id} value={note} aria-describedby={`${id}-hint`} onInput={(e) => onNote(e.currentTarget.value)} />
          <span class="small cm-block" id={`${id}-hint`}>
            {tcr('creditNoteNeeded')}
          </span>
        </label>
      ) : (
        <span class="cm-block">{tcr('creditRepHint')}</span>
      )}
    </span>
  );
}
