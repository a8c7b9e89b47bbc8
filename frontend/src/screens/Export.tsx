// Export buttons: each kind as .xlsx or .csv, headers in the app's language, fetched with
// the session's token (GET /exports/{kind}.{xlsx|csv}?lang=zh|en) and saved as a file.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { download } from '../lib/download';
import { lang } from '../lib/i18n';
import { useStore } from '../lib/store';
import { FormStatus } from '../ui/FormStatus';
import { Section } from '../ui/bits';
import { Refusal } from './ImportRefusal';
import { exportLabel, t } from './import.i18n';
import { EXPORT_KINDS, exportPath, type ExportFormat, type ExportKind } from './importLogic';

export function Export() {
  const l = useStore(lang);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<{ kind: string; e: unknown } | null>(null);

  async function run(kind: ExportKind, format: ExportFormat) {
    setBusy(`${kind}.${format}`);
    setDone('');
    setError(null);
    try {
      const name = await download(exportPath(kind, format, l), `${kind}.${format}`);
      setDone(t('exportDone', { name }));
    } catch (e) {
      setError({ kind, e });
    } finally {
      setBusy('');
    }
  }

  const missing = error?.e instanceof ApiError && (error.e.code === 'NOT_FOUND' || error.e.extensions.status === 404);
  return (
    <Section title={t('exportTitle')} id="export">
      <p class="small muted">{t('exportIntro')}</p>
      <div class="export-grid">
        {EXPORT_KINDS.map((k) => (
          <Fragment key={k}>
            <span>{exportLabel(k)}</span>
            {(['xlsx', 'csv'] as const).map((f) => (
              <button
                key={`${k}.${f}`}
                type="button"
                class="btn"
                disabled={!!busy}
                aria-label={t('exportAs', { kind: exportLabel(k), format: f })}
                onClick={() => void run(k, f)}
              >
                {busy === `${k}.${f}` ? '…' : '.' + f}
              </button>
            ))}
          </Fragment>
        ))}
      </div>
      {busy && (
        <p class="muted small" role="status">
          {t('exporting', { kind: exportLabel(busy.split('.')[0]) })}
        </p>
      )}
      {error &&
        (missing ? (
          <FormStatus err={t('exportMissing', { kind: exportLabel(error.kind) })} />
        ) : (
          <Refusal error={error.e} prefix={(m) => t('exportFailed', { kind: exportLabel(error.kind), message: m })} />
        ))}
      <FormStatus flash={done} />
    </Section>
  );
}
