// One import (/import/:id): its progress while the server works (polled every second, so
// leaving and coming back shows it still), the mapping and the dry run when checked, the
// commit and the cancel (each confirmed), and the report when done or stopped.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { request } from '../lib/api';
import { download } from '../lib/download';
import { formatDate } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { FormStatus } from '../ui/FormStatus';
import { Badge, ErrorBox, Loading } from '../ui/bits';
import { Header } from '../ui/Layout';
import { CancelImport, CommitImport, ImportJobQuery } from './import.queries';
import { kindLabel, stateLabel, stateTone, t } from './import.i18n';
import { ImportMapping } from './ImportMapping';
import { ImportProgress, usePolling } from './ImportProgress';
import { ImportRows } from './ImportRows';
import { Refusal } from './ImportRefusal';
import { isRunning, mappingBlocked, refused, rowsToWrite, type Counts } from './importLogic';
import { Confirm } from '../ui/Confirm';
import './import.css';

/** A button that asks first: the question, then yes / no (saying what "no" keeps). */
function Confirmed(props: { label: string; question: string; yes: string; no: string; danger?: boolean; disabled?: boolean; onYes: () => Promise<void> }) {
  return <Confirm {...props} danger={props.danger ?? false} block busyLabel={t('committing')} />;
}

function RefusedDownload({ url, file, n }: { url: string; file: string; n: number }) {
  const [flash, setFlash] = useState('');
  const [error, setError] = useState<unknown>();
  async function run() {
    setFlash('');
    setError(undefined);
    try {
      const name = await download(url, file.replace(/(\.[^.]+)?$/, '-refused$1'));
      setFlash(t('downloaded', { name }));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div class="card">
      <h3>
        {t('refusedRows')} <span class="count">{n}</span>
      </h3>
      <p class="small muted">{t('downloadHint')}</p>
      <button type="button" class="btn block" onClick={() => void run()}>
        {t('downloadRefused')}
      </button>
      {error !== undefined && <Refusal error={error} />}
      <FormStatus flash={flash} />
    </div>
  );
}

interface Job extends Counts {
  id: string;
  kind: string;
  fileName: string;
  sheet?: string | null;
  encoding?: string | null;
  state: string;
  totalRows: number;
  doneRows: number;
  refusedRowsURL?: string | null;
  error?: string | null;
  createdBy?: { name: string } | null;
  createdAt: string;
  finishedAt?: string | null;
}

function About({ job }: { job: Job }) {
  const bits = [
    job.sheet ? t('sheetInfo', { sheet: job.sheet }) : '',
    job.encoding ? t('encodingInfo', { encoding: job.encoding }) : '',
    t('started', { when: formatDate(job.createdAt, true) }),
    job.finishedAt ? t('finished', { when: formatDate(job.finishedAt, true) }) : '',
    job.createdBy ? t('by', { name: job.createdBy.name }) : '',
  ].filter(Boolean);
  return (
    <div class="card">
      <p>
        <Badge tone={stateTone(job.state)}>{stateLabel(job.state)}</Badge> {t('fileInfo', { kind: kindLabel(job.kind), file: job.fileName })}
      </p>
      <p class="small muted">{bits.join(' · ')}</p>
    </div>
  );
}

function Report({ job, children }: { job: Job; children?: ComponentChildren }) {
  const failed = job.state === 'FAILED';
  return (
    <section class="card" aria-labelledby="import-report-h">
      <h2 id="import-report-h">{failed ? t('failedTitle') : t('doneTitle')}</h2>
      {failed && job.error && (
        <p class="error" role="alert">
          {job.error}
        </p>
      )}
      <p>
        {failed
          ? t('failedText', { done: job.doneRows, total: job.totalRows })
          : t('doneSummary', { creates: job.creates, updates: job.updates, unchanged: job.unchanged, refused: refused(job) })}
      </p>
      {children}
    </section>
  );
}

export function ImportJob({ id }: { id: string }) {
  const q = useQuery(ImportJobQuery, { id }, { keep: false });
  const job = q.data?.importJob as Job | null | undefined;
  usePolling(job?.state, q.refetch);
  const [error, setError] = useState<unknown>();

  async function act(what: 'commit' | 'cancel') {
    setError(undefined);
    try {
      if (what === 'commit') await request(CommitImport, { id });
      else await request(CancelImport, { id });
    } catch (e) {
      setError(e);
    }
    await q.refetch();
  }

  const title = job ? t('jobTitle', { file: job.fileName }) : t('title');
  let body: ComponentChildren;
  if (q.data === undefined) body = q.error ? <ErrorBox error={q.error} onRetry={() => void q.refetch()} /> : <Loading />;
  else if (!job) body = <ErrorBox error={new Error(t('notFound'))} />;
  else {
    const stamp = [job.state, job.creates, job.updates, job.unchanged, job.duplicates, job.errors, job.finishedAt ?? ''].join(':');
    const n = rowsToWrite(job);
    const blocked = mappingBlocked(job);
    const skipped = job.unchanged + refused(job);
    const full = q.data.importJob!;
    body = (
      <>
        <About job={job} />
        {q.error && <ErrorBox error={q.error} />}
        {isRunning(job.state) && <ImportProgress state={job.state} done={job.doneRows} total={job.totalRows} />}
        {job.state === 'CANCELLED' && <p class="notice">{t('cancelled')}</p>}
        {(job.state === 'DONE' || job.state === 'FAILED') && (
          <Report job={job}>
            {job.state === 'FAILED' && (
              <button type="button" class="btn primary block" onClick={() => void act('commit')}>
                {t('resume')}
              </button>
            )}
          </Report>
        )}
        {job.refusedRowsURL && !isRunning(job.state) && job.state !== 'CANCELLED' && (
          <RefusedDownload url={job.refusedRowsURL} file={job.fileName} n={refused(job)} />
        )}
        {error !== undefined && <Refusal error={error} />}
        {job.state === 'CHECKED' && (
          <ImportMapping id={job.id} columns={full.columns} fields={full.fields} onMapped={() => void q.refetch()} />
        )}
        {(job.state === 'CHECKED' || job.state === 'DONE' || job.state === 'FAILED') && (
          <ImportRows id={job.id} kind={job.kind} counts={job} stamp={stamp} title={job.state === 'CHECKED' ? t('dryRun') : t('result')} />
        )}
        {job.state === 'CHECKED' && (
          <div class="import-actions">
            {n > 0 ? (
              <Confirmed
                label={t('commit', { n })}
                question={t('commitConfirm', { n, creates: job.creates, updates: job.updates, skipped })}
                yes={t('yesCommit')}
                no={t('notYet')}
                onYes={() => act('commit')}
              />
            ) : (
              <p class="warning" role="status">
                {blocked ? t('mappingBlocked', { error: blocked.replace(/[。.]$/, '') }) : t('commitNothing')}
              </p>
            )}
            <Confirmed label={t('cancelImport')} question={t('cancelConfirm')} yes={t('yesCancel')} no={t('keepImport')} danger onYes={() => act('cancel')} />
          </div>
        )}
        {!isRunning(job.state) && job.state !== 'CHECKED' && (
          <p>
            <a class="btn block" href="/import">
              {t('newImport')}
            </a>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <Header title={title} back="/import" />
      <main class="content">{body}</main>
    </>
  );
}
