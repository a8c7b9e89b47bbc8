// A form's outcome under it: the error (role="alert") and the notice (role="status"),
// each only when there is one.
import type { ComponentChildren } from 'preact';

export function FormStatus({ err, flash }: { err?: string; flash?: string }) {
  return (
    <>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
    </>
  );
}

/** After a form went into the offline queue: sent now (online) or kept on the phone
 * until the network returns, then what to do next (children). */
export function SavedCard({ saved, online, offline, children }: { saved: 'online' | 'offline'; online: string; offline: string; children: ComponentChildren }) {
  return (
    <div class="card">
      <p class={saved === 'online' ? 'notice' : 'stale'} role="status">
        {saved === 'online' ? online : offline}
      </p>
      {children}
    </div>
  );
}
