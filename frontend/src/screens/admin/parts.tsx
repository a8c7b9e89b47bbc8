// Pieces the administration screens share: a secret shown once with a copy button,
// an inline confirmation for destructive acts, a labelled select.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api';
import { Confirm as AskFirst } from '../../ui/Confirm';
import { t } from './admin.i18n';

/** A password, token or secret shown this once, with a copy button and a warning. */
export function SecretOnce({ title, secret, onDone, warn }: { title: string; secret: string; onDone: () => void; warn?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="card secret-once" role="status">
      <p>{title}</p>
      <p>
        <code class="secret-value" data-secret>
          {secret}
        </code>
      </p>
      <p class="small error">{warn ?? t('tempWarn')}</p>
      <div class="btn-row">
        <button
          type="button"
          class="btn"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <button type="button" class="btn primary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </div>
  );
}

/** A destructive act behind a question: the button first, then "yes" or "cancel". */
export function Confirm(props: { label: string; question: string; yes: string; onYes: () => void; danger?: boolean }) {
  return <AskFirst {...props} no={t('cancel')} />;
}

export function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </label>
  );
}

export function errText(e: unknown): string {
  if (e instanceof ApiError && e.extensions.reason === 'LAST_ADMIN') return t('lastAdmin');
  return (e as Error)?.message ?? String(e);
}
