// The Data area (/import), for admins and managers: start an import (what it brings in,
// the file, the sheet), the recent imports, and the exports.
import { useState } from 'preact/hooks';
import { request, session } from '../lib/api';
import { formatDate, lang } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { Badge, Empty, Query, Section } from '../ui/bits';
import { Header } from '../ui/Layout';
import { Export } from './Export';
import { ImportFieldsQuery, ImportJobsQuery, StartImport } from './import.queries';
import { kindAbout, kindLabel, stateLabel, stateTone, t } from './import.i18n';
import { IMPORT_KINDS, MAX_FILE_BYTES, checkFile, columnList, isRunning, mayImport, percent, type Field, type ImportKind } from './importLogic';
import { Refusal } from './ImportRefusal';
import './import.css';

/** The columns the importer reads for kind (its own field table, in the viewer's language). */
function Columns({ fields }: { fields: readonly Field[] | undefined }) {
  if (!fields?.length) return null;
  const cols = columnList(fields, (label) => t('required', { label }), t('listSep'));
  return <span class="row-sub small">{t('columns', { cols })}</span>;
}

function KindChoice({ kind, onPick }: { kind: ImportKind | null; onPick: (k: ImportKind) => void }) {
  const q = useQuery(ImportFieldsQuery, {}, { cacheAs: `ImportFields:${lang.get()}` });
  return (
    <fieldset>
      <legend>{t('kindLegend')}</legend>
      <ul class="list">
        {IMPORT_KINDS.map((k) => (
          <li key={k}>
            <label class="kind-option" data-checked={kind === k}>
              <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => onPick(k)} />
              <span class="row-main">
                <span class="row-title">{kindLabel(k)}</span>
                <span class="row-sub">{kindAbout(k)}</span>
                <Columns fields={q.data?.[k]} />
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function fileProblem(f: File | null): string | null {
  switch (checkFile(f)) {
    case 'type':
      return t('fileType', { name: f?.name ?? '' });
    case 'empty':
      return t('fileEmpty');
    case 'tooLarge':
      return t('fileTooLarge', { name: f?.name ?? '', mb: MAX_FILE_BYTES >> 20 });
  }
  return null;
}

export function StartForm() {
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError(undefined);
    const p = !kind ? t('pickKind') : fileProblem(file);
    setProblem(p ?? '');
    if (p || !kind || !file) return;
    setBusy(true);
    try {
      const input = { file, kind, sheet: sheet.trim() || null };
      const d = await request(StartImport, { input }, [{ path: 'input.file', file, name: file.name }]);
      navigate(`/import/${encodeURIComponent(d.startImport.id)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('startTitle')} id="import-start">
      <p class="small muted">{t('startIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <KindChoice kind={kind} onPick={setKind} />
        <label class="field">
          <span>{t('file')}</span>
          <input
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0] ?? null;
              setFile(f);
              setProblem(f ? (fileProblem(f) ?? '') : '');
            }}
          />
          <span class="hint" id="import-file-hint">
            {t('fileHint')}
          </span>
        </label>
        <label class="field">
          <span>{t('sheet')}</span>
          <input type="text" value={sheet} aria-describedby="import-sheet-hint" onInput={(e) => setSheet(e.currentTarget.value)} />
          <span class="hint" id="import-sheet-hint">
            {t('sheetHint')}
          </span>
        </label>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        {error !== undefined && <Refusal error={error} prefix={(m) => t('refusedUpload', { message: m })} />}
        <button type="submit" class="btn primary block" disabled={busy}>
          {busy ? t('uploading') : t('upload')}
        </button>
      </form>
    </Section>
  );
}

function RecentImports() {
  const q = useQuery(ImportJobsQuery, { first: 20 }, { keep: false });
  return (
    <Section title={t('recent')} id="import-recent">
      <Query q={q}>
        {(d) =>
          d.importJobs.length ? (
            <ul class="list">
              {d.importJobs.map((j) => (
                <li key={j.id}>
                  <a class="row" href={`/import/${encodeURIComponent(j.id)}`}>
                    <span class="row-main">
                      <span class="row-title">{j.fileName}</span>
                      <span class="row-sub">
                        {kindLabel(j.kind)} · {formatDate(j.createdAt, true)}
                        {j.createdBy ? ' · ' + t('by', { name: j.createdBy.name }) : ''}
                      </span>
                      {isRunning(j.state) && (
                        <span class="row-sub">
                          {t('rowsOf', { done: j.doneRows, total: j.totalRows })} ({percent(j.doneRows, j.totalRows)} %)
                        </span>
                      )}
                    </span>
                    <span class="row-side">
                      <Badge tone={stateTone(j.state)}>{stateLabel(j.state)}</Badge>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('noRecent')}</Empty>
          )
        }
      </Query>
    </Section>
  );
}

export function Data() {
  const s = useStore(session);
  const allowed = mayImport(s);
  return (
    <>
      <Header title={t('title')} back="/settings" />
      <main class="content">
        {allowed ? (
          <>
            <StartForm />
            <RecentImports />
            <Export />
          </>
        ) : (
          <p class="warning" role="status">
            {t('notAllowed')}
          </p>
        )}
      </main>
    </>
  );
}
