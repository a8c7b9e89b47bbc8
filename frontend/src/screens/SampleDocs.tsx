// The documents sent with a sample: the checks made on the sample itself, shown, and
// editable (online) before it ships.
import { useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, request } from '../lib/api';
import { errorText } from '../ui/feedback';
import { Badge, Section } from '../ui/bits';
import { tc } from '../ui/common.i18n';
import { FormStatus } from '../ui/FormStatus';
import { t } from './samples.i18n';
import type { SampleNode } from './Samples';

// The checks made on the sample itself; the MSDS and TDS are the product's documents
// (docManual / docMsds are set by the server when the sample ships).
const DOCS = ['docLabel', 'docPrecautions'] as const;
type DocKey = (typeof DOCS)[number];
export type Docs = Record<DocKey, boolean>;

// What the server says the sample still needs to ship, in the reader's language.
export const NEED_LABEL: Record<string, () => string> = {
  MSDS: () => t('needMSDS'),
  MANUAL_TDS: () => t('needTDS'),
  docLabel: () => t('docLabel'),
  docPrecautions: () => t('docPrecautions'),
};

export const UpdateSampleDocs = graphql(`
  mutation UpdateSampleDocs($id: ID!, $input: UpdateSampleInput!) {
    updateSample(id: $id, input: $input) { id version docManual docMsds docLabel docPrecautions }
  }
`);

export const radioStyle = { width: '24px', height: '24px', flex: 'none', margin: 0 } as const;

export function DocChecks({ docs, onChange, disabled }: { docs: Docs; onChange: (d: Docs) => void; disabled?: boolean }) {
  return (
    <fieldset aria-describedby="hint-docs">
      <legend>{t('docs')}</legend>
      <p class="muted small" id="hint-docs" style={{ margin: '0 0 6px' }}>
        {t('docsHint')}
      </p>
      <ul class="list">
        {DOCS.map((k) => (
          <li key={k}>
            <label class="row" style={{ cursor: 'pointer' }}>
              <input
                type="checkbox"
                name={k}
                checked={docs[k]}
                disabled={disabled}
                style={radioStyle}
                onChange={(e) => onChange({ ...docs, [k]: e.currentTarget.checked })}
              />
              <span class="row-main">{t(k)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

// The documents sent with the sample: shown, and editable (online) before it ships.

export function DocsSection({ s, locked, refetch }: { s: SampleNode; locked: boolean; refetch: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [docs, setDocs] = useState<Docs>({ docLabel: s.docLabel, docPrecautions: s.docPrecautions });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const [flash, setFlash] = useState('');
  const editable = s.status === 'REQUESTED' || s.status === 'PREPARED';

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr('');
    try {
      await request(UpdateSampleDocs, { id: s.id, input: { version: s.version, ...docs } });
      setEditing(false);
      setFlash(t('docsSaved'));
      await refetch();
    } catch (x) {
      setErr(errorText(x, t('conflictReload')));
      if (x instanceof ApiError && x.code === 'CONFLICT') {
        setEditing(false);
        await refetch();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('docsTitle')} id="docs">
      {editing ? (
        <form onSubmit={save} noValidate>
          <DocChecks docs={docs} onChange={setDocs} disabled={busy} />
          <div class="btn-row">
            <button type="submit" class="btn primary" disabled={busy} aria-busy={busy}>
              {busy ? tc('saving') : t('saveDocs')}
            </button>
            <button type="button" class="btn" onClick={() => setEditing(false)}>
              {tc('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 class="small">{t('productDocs')}</h3>
          <ul class="list" data-testid="sample-product-docs">
            {(['MSDS', 'MANUAL_TDS'] as const).map((k) => {
              const onFile = !s.shippingReadiness.missing.includes(k);
              return (
                <li class="row" key={k}>
                  <span aria-hidden="true" style={{ width: '24px', textAlign: 'center', fontWeight: 700 }}>
                    {onFile ? '✓' : '✗'}
                  </span>
                  <span class="row-main">{NEED_LABEL[k]()}</span>
                  <span class="row-side">
                    <Badge tone={onFile ? 'good' : 'warn'}>{onFile ? t('onFile') : t('notOnFile')}</Badge>
                  </span>
                </li>
              );
            })}
          </ul>
          <p class="muted small">{t('productDocsHint')}</p>
          <h3 class="small">{t('docs')}</h3>
          <ul class="list">
            {DOCS.map((k) => (
              <li class="row" key={k}>
                <span aria-hidden="true" style={{ width: '24px', textAlign: 'center', fontWeight: 700 }}>
                  {s[k] ? '✓' : '✗'}
                </span>
                <span class="row-main">{t(k)}</span>
                <span class="row-side">
                  <Badge tone={s[k] ? 'good' : 'warn'}>{s[k] ? t('docSent') : t('docMissing')}</Badge>
                </span>
              </li>
            ))}
          </ul>
          {editable && (
            <div class="btn-row">
              <button
                type="button"
                class="btn"
                disabled={locked}
                aria-describedby={locked ? 'docs-locked' : undefined}
                onClick={() => {
                  setDocs({ docLabel: s.docLabel, docPrecautions: s.docPrecautions });
                  setFlash('');
                  setErr('');
                  setEditing(true);
                }}
              >
                {t('editDocs')}
              </button>
            </div>
          )}
          {editable && locked && (
            <p class="muted small" id="docs-locked">
              {t('docsLocked')}
            </p>
          )}
        </>
      )}
      <FormStatus err={err} flash={flash} />
    </Section>
  );
}
