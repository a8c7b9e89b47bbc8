// A destructive or weighty act behind a question: the button first, then "yes" or
// "no". While an asynchronous yes runs, both answers are disabled and yes says so.
import { useState } from 'preact/hooks';

export function Confirm({
  label,
  question,
  yes,
  no,
  busyLabel,
  onYes,
  danger = true,
  block = false,
  disabled = false,
}: {
  label: string;
  question: string;
  yes: string;
  no: string;
  busyLabel?: string;
  onYes: () => void | Promise<void>;
  danger?: boolean;
  block?: boolean;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const tone = danger ? 'danger' : 'primary';
  if (!asking)
    return (
      <button type="button" class={`btn ${block ? 'block ' : ''}${tone}`} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div class="confirm card" role="group" aria-label={question}>
      <p>{question}</p>
      <div class="btn-row">
        <button
          type="button"
          class={`btn ${tone}`}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void Promise.resolve(onYes()).finally(() => {
              setBusy(false);
              setAsking(false);
            });
          }}
        >
          {busy && busyLabel ? busyLabel : yes}
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => setAsking(false)}>
          {no}
        </button>
      </div>
    </div>
  );
}
