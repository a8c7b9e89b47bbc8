// After an evaluation that did not select us, what follows is a manager's decision: keep
// the account at its stage, or move it back, with the reason (decideEvaluation). The
// decision is on the manager's Today until it is made.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { request, session } from '../lib/api';
import { messages } from '../lib/i18n';
import { useStore } from '../lib/store';
import { label } from '../i18n/enums';
import { errorText } from '../ui/feedback';

const t = messages(
  'accountEvaluation',
  {
    title: 'The evaluation did not select us',
    explain: 'Decide what follows: keep the account at {stage}, or move it back.',
    waiting: 'A manager decides what follows: keep the account at {stage}, or move it back.',
    keep: 'Keep at {stage}',
    back: 'Move back to',
    reason: 'Reason',
    reasonHint: 'Why (the customer, the volumes, what we learned)',
    decide: 'Record the decision',
    needReason: 'Give the reason.',
    conflict: 'Someone decided meanwhile; reload the account.',
  },
  {
    title: '评估未选中我们',
    explain: '请决定后续：保持在“{stage}”阶段，或退回到之前的阶段。',
    waiting: '由经理决定后续：保持在“{stage}”阶段，或退回。',
    keep: '保持在“{stage}”',
    back: '退回到',
    reason: '原因',
    reasonHint: '原因（客户情况、用量、我们的收获）',
    decide: '记录决定',
    needReason: '请填写原因。',
    conflict: '已有人作出决定，请刷新。',
  },
);

const Decide = graphql(`
  mutation DecideEvaluation($input: DecideEvaluationInput!) {
    decideEvaluation(input: $input) { id stage evaluationDecidedAt version }
  }
`);

/** The stages an account may go back to after an evaluation, latest first. */
const backTo = ['TRIAL', 'SAMPLING', 'VISITED', 'CONTACTED', 'DORMANT', 'LOST'] as const;

type Props = {
  customer: { id: string; stage: string; version: number; evaluationOutcome?: string | null; evaluationDecidedAt?: string | null };
  onDecided: () => void;
};

export function EvaluationDecision({ customer, onDecided }: Props) {
  const s = useStore(session);
  const [choice, setChoice] = useState<'keep' | 'back'>('keep');
  const [stage, setStage] = useState<string>('TRIAL');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (customer.evaluationOutcome !== 'NOT_SELECTED' || customer.evaluationDecidedAt) return null;
  const current = label('CustomerStage', customer.stage);
  if (!s?.access?.manages) {
    return (
      <div class="card notice" role="note">
        <h3>{t('title')}</h3>
        <p class="small">{t('waiting', { stage: current })}</p>
      </div>
    );
  }
  async function submit(e: Event) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('needReason'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await request(Decide, {
        input: { customerID: customer.id, stage: (choice === 'keep' ? customer.stage : stage) as never, reason: reason.trim(), version: customer.version },
      });
      onDecided();
    } catch (err) {
      setError(errorText(err, t('conflict')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card notice" onSubmit={submit} aria-labelledby="eval-title">
      <h3 id="eval-title">{t('title')}</h3>
      <p class="small">{t('explain', { stage: current })}</p>
      <fieldset class="choices">
        <label>
          <input type="radio" name="eval" checked={choice === 'keep'} onChange={() => setChoice('keep')} /> {t('keep', { stage: current })}
        </label>
        <label>
          <input type="radio" name="eval" checked={choice === 'back'} onChange={() => setChoice('back')} /> {t('back')}
        </label>
        {choice === 'back' && (
          <select aria-label={t('back')} value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value)}>
            {backTo.map((b) => (
              <option key={b} value={b}>
                {label('CustomerStage', b)}
              </option>
            ))}
          </select>
        )}
      </fieldset>
      <label class="field">
        <span>{t('reason')}</span>
        <textarea rows={2} placeholder={t('reasonHint')} value={reason} maxLength={500} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn primary block" disabled={busy}>
        {t('decide')}
      </button>
    </form>
  );
}
