// The mapping of a checked import: each column with its header and sample values, and the
// field it goes to (or ignored). Required fields nobody maps are flagged before sending;
// "Check again" sends the mapping (mapImport) and the server checks every row again.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/api';
import { FormStatus } from '../ui/FormStatus';
import { Section } from '../ui/bits';
import { MapImport } from './import.queries';
import { t } from './import.i18n';
import { Refusal } from './ImportRefusal';
import { checkMapping, mappingInput, mappingOf, type Field, type Mapping } from './importLogic';

interface Column {
  index: number;
  header: string;
  field?: string | null;
  samples: readonly string[];
}

function ColumnRow({ c, fields, value, onChange, twice }: { c: Column; fields: readonly Field[]; value: string | null; onChange: (v: string | null) => void; twice: boolean }) {
  const id = `map-col-${c.index}`;
  const samples = c.samples.filter((s) => s !== '').slice(0, 3);
  return (
    <li class="map-col">
      <span class="row-title">{c.header || `#${c.index + 1}`}</span>
      <span class="row-sub small" id={id + '-s'}>
        {samples.length ? t('samples', { values: samples.join(' · ') }) : t('noSamples')}
      </span>
      <label class="field">
        <span class="sr-only">{t('fieldFor', { header: c.header || `#${c.index + 1}` })}</span>
        <select
          id={id}
          value={value ?? ''}
          aria-describedby={id + '-s'}
          aria-invalid={twice || undefined}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        >
          <option value="">{t('ignore')}</option>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
              {f.required ? ' *' : ''}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}

export function ImportMapping({ id, columns, fields, onMapped }: { id: string; columns: readonly Column[]; fields: readonly Field[]; onMapped: () => void }) {
  const [mapping, setMapping] = useState<Mapping>(() => mappingOf(columns as Column[]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState('');
  // The server's mapping replaces ours whenever it answers with another one.
  const serverKey = JSON.stringify(columns.map((c) => [c.index, c.field ?? null]));
  useEffect(() => setMapping(mappingOf(columns as Column[])), [serverKey]);

  const problems = checkMapping(fields as Field[], mapping);
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;

  async function send() {
    setBusy(true);
    setError(undefined);
    setFlash('');
    try {
      await request(MapImport, { id, mapping: mappingInput(mapping) });
      setFlash(t('mappingSent'));
      onMapped();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('mappingTitle')} count={columns.length} id="import-mapping">
      <p class="small muted">{t('mappingIntro')}</p>
      <ul class="list">
        {columns.map((c) => (
          <ColumnRow
            key={c.index}
            c={c}
            fields={fields}
            value={mapping[c.index] ?? null}
            twice={!!mapping[c.index] && !!problems.twice[mapping[c.index]!]}
            onChange={(v) => setMapping((m) => ({ ...m, [c.index]: v }))}
          />
        ))}
      </ul>
      {problems.missing.length > 0 && (
        <p class="warning" role="status">
          {t('missing', { fields: problems.missing.map((f) => f.label).join('、') })}
        </p>
      )}
      {Object.keys(problems.twice).map((k) => (
        <p class="warning" role="status" key={k}>
          {t('twice', { field: label(k) })}
        </p>
      ))}
      {error !== undefined && <Refusal error={error} />}
      <FormStatus flash={flash} />
      <button type="button" class="btn block" disabled={busy} onClick={() => void send()}>
        {busy ? t('checking') : t('checkAgain')}
      </button>
    </Section>
  );
}
