// A project's files (项目文件): the application, the agreement, plans, reports, minutes.
// Each is listed with its kind, title, file, size, when and by whom it was added, whether
// the customer reads it too, and a download link (signed, valid 10 minutes: the list asks
// again before they lapse). A file is added with its kind, title and whether it is shared
// (sent as a GraphQL multipart request, its size checked first); sharing asks for a
// confirmation, deleting too. Online writes; a refusal is said where it happened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, type ResultOf } from '../graphql';
import { label } from '../i18n/enums';
import { newId, online, request, session } from '../lib/api';
import { formatDate } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Query, Section } from '../ui/bits';
import { Confirm } from '../ui/Confirm';
import { FormStatus } from '../ui/FormStatus';
import { LoadMore, useMore } from '../ui/LoadMore';
import type { Errors } from './commercialLogic';
import { useWrite } from './ProjectParts';
import { tpf } from './projectFiles.i18n';
import {
  PROJECT_FILE_ACCEPT,
  PROJECT_FILE_KINDS,
  fileRefusalKey,
  formatBytes,
  projectFileErrors,
  projectFileInput,
  projectFileProblem,
  titleFromFileName,
  type FileForm,
} from './projectFilesLogic';

export const ProjectFilesQuery = graphql(`
  query ProjectFiles($id: ID!, $after: Cursor) {
    node(id: $id) {
      __typename
      ... on Project {
        id
        documents(first: 30, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id version kind title shared fileName contentType sizeBytes createdAt uploadedBy { id name } downloadURL } }
        }
      }
    }
  }
`);

type Data = ResultOf<typeof ProjectFilesQuery>;

const AttachProjectFile = graphql(`
  mutation AttachProjectFile($input: AttachProjectFileInput!, $cmid: String) {
    attachProjectFile(input: $input, clientMutationId: $cmid) { id title }
  }
`);
const UpdateProjectDocument = graphql(`
  mutation UpdateProjectDocument($id: ID!, $input: UpdateProjectDocumentInput!) {
    updateProjectDocument(id: $id, input: $input) { id version shared }
  }
`);
const DeleteProjectDocument = graphql(`
  mutation DeleteProjectDocument($id: ID!, $version: Int) { deleteProjectDocument(id: $id, version: $version) { deletedID } }
`);

/** The links are valid 10 minutes: the list asks again before they lapse. */
const RELINK_MS = 9 * 60_000;

const page = (d: Data) => {
  const docs = d.node?.__typename === 'Project' ? d.node.documents : null;
  return {
    items: (docs?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    hasNext: !!docs?.pageInfo.hasNextPage,
    end: docs?.pageInfo.endCursor,
  };
};
type Doc = ReturnType<typeof page>['items'][number];

export function ProjectFiles({ pid }: { pid: string }) {
  const vars = { id: pid, after: null };
  const q = useQuery(ProjectFilesQuery, vars);
  const more = useMore(ProjectFilesQuery, vars, q, page);
  const on = useStore(online);
  // Analysts read the files; reps, managers and admins change them (the server's rule).
  const writes = useStore(session)?.user.role !== 'ANALYST';
  const w = useWrite(tpf);
  const [flash, setFlash] = useState('');
  const [adding, setAdding] = useState(false);

  // Fresh links before the ones shown lapse.
  const refetch = useRef(q.refetch);
  refetch.current = q.refetch;
  useEffect(() => {
    const h = setInterval(() => void refetch.current(), RELINK_MS);
    return () => clearInterval(h);
  }, []);

  async function setShared(d: Doc, shared: boolean) {
    setFlash('');
    if (await w.run(() => request(UpdateProjectDocument, { id: d.id, input: { version: d.version, shared } }))) {
      setFlash(tpf(shared ? 'sharedOk' : 'unsharedOk', { title: d.title }));
      await q.refetch();
    }
  }

  async function remove(d: Doc) {
    setFlash('');
    if (await w.run(() => request(DeleteProjectDocument, { id: d.id, version: d.version }))) {
      setFlash(tpf('removed', { title: d.title }));
      await q.refetch();
    }
  }

  const stale = !!q.staleSince || !on;
  const total = q.data ? (q.data.node?.__typename === 'Project' ? q.data.node.documents.totalCount : 0) : undefined;
  return (
    <Section title={tpf('title')} count={total} id="pj-files">
      <p class="muted small">{tpf('intro')}</p>
      <Query q={q}>
        {() =>
          !more.items.length ? (
            <Empty>{tpf('empty')}</Empty>
          ) : (
            <>
              {stale && <p class="muted small">{tpf('offline')}</p>}
              <ul class="list" data-testid="pj-files">
                {more.items.map((d) => (
                  <FileRow key={d.id} d={d} stale={stale} busy={w.busy} writes={writes} onShare={setShared} onRemove={remove} />
                ))}
              </ul>
              <LoadMore more={more} />
            </>
          )
        }
      </Query>
      {w.conflict && (
        <div class="error" role="alert">
          <p>{tpf('conflict')}</p>
          <button type="button" class="btn" onClick={() => (w.setConflict(false), void q.refetch())}>
            {tpf('reload')}
          </button>
        </div>
      )}
      <FormStatus err={w.err} flash={flash} />
      {!writes ? null : adding ? (
        <AddFile
          pid={pid}
          onDone={async (title) => {
            setAdding(false);
            setFlash(title ? tpf('uploaded', { title }) : '');
            if (title) await q.refetch();
          }}
        />
      ) : (
        <button type="button" class="btn" disabled={!on} onClick={() => (setAdding(true), setFlash(''), w.setErr(''))}>
          + {tpf('add')}
        </button>
      )}
    </Section>
  );
}

function FileRow({ d, stale, busy, writes, onShare, onRemove }: { d: Doc; stale: boolean; busy: boolean; writes: boolean; onShare: (d: Doc, shared: boolean) => Promise<void>; onRemove: (d: Doc) => Promise<void> }) {
  return (
    <li class="pf-file" data-testid="pj-file">
      <p class="cm-badges">
        <Badge tone="info">{label('ProjectDocumentKind', d.kind)}</Badge>
        {d.shared ? <Badge tone="warn">{tpf('shared')}</Badge> : <Badge>{tpf('ours')}</Badge>}
      </p>
      <h3 class="pf-title">{d.title}</h3>
      <p class="row-sub pf-meta">{tpf('meta', { file: d.fileName, size: formatBytes(d.sizeBytes) })}</p>
      <p class="row-sub pf-meta">{d.uploadedBy ? tpf('by', { date: formatDate(d.createdAt), name: d.uploadedBy.name }) : tpf('byNobody', { date: formatDate(d.createdAt) })}</p>
      <div class="btn-row">
        {d.downloadURL && !stale && (
          <a class="btn" href={d.downloadURL} aria-label={tpf('downloadOf', { name: d.fileName })} data-testid="pj-file-download">
            {tpf('download')}
          </a>
        )}
        {!writes ? null : d.shared ? (
          <button type="button" class="btn" disabled={busy || stale} aria-label={tpf('unshareOf', { title: d.title })} onClick={() => void onShare(d, false)}>
            {tpf('unshare')}
          </button>
        ) : (
          <Confirm
            label={tpf('share')}
            question={tpf('shareQ', { title: d.title })}
            yes={tpf('shareYes')}
            no={tpf('cancel')}
            busyLabel={tpf('busy')}
            danger={false}
            disabled={busy || stale}
            onYes={() => onShare(d, true)}
          />
        )}
        {writes && (
          <Confirm
            label={tpf('remove')}
            question={tpf('removeQ', { title: d.title })}
            yes={tpf('removeYes')}
            no={tpf('keep')}
            busyLabel={tpf('busy')}
            disabled={busy || stale}
            onYes={() => onRemove(d)}
          />
        )}
      </div>
    </li>
  );
}

const MSG = { needTitle: 1, tooLong200: 1, needFile: 1, emptyFile: 1, tooLarge: 1, wrongType: 1, fileRefused: 1 } as const;
const said = (k: string | undefined) => (!k ? '' : k in MSG ? tpf(k as keyof typeof MSG) : k);

function AddFile({ pid, onDone }: { pid: string; onDone: (title: string | null) => void | Promise<void> }) {
  const w = useWrite(tpf);
  const [f, setF] = useState<FileForm>({ kind: 'OTHER', title: '', shared: false });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [cmid] = useState(() => newId());
  const attrs = (k: string) => ({ 'aria-invalid': !!errors[k], 'aria-describedby': errors[k] ? `pf-${k}-err` : `pf-${k}-hint` });
  const FieldErr = ({ k }: { k: string }) =>
    errors[k] ? (
      <span class="field-error cm-block" id={`pf-${k}-err`} role="alert">
        {said(errors[k])}
      </span>
    ) : null;

  // The title proposed from the file's name, replaced with the file until the uploader types their own.
  const [proposed, setProposed] = useState('');
  function choose(chosen: File | null) {
    setFile(chosen);
    const p = chosen ? projectFileProblem(chosen) : null;
    const propose = !!chosen && (!f.title.trim() || f.title === proposed);
    setErrors((e) => {
      const n = { ...e };
      if (p) n.file = p;
      else delete n.file;
      if (propose) delete n.title;
      return n;
    });
    if (propose) {
      const t = titleFromFileName(chosen.name);
      setProposed(t);
      setF((x) => ({ ...x, title: t }));
    }
  }

  async function upload(e: Event) {
    e.preventDefault();
    if (w.busy) return;
    const errs = projectFileErrors(f, file);
    setErrors(errs);
    if (Object.keys(errs).length || !file) return;
    const input = projectFileInput(f, pid, file);
    const ok = await w.run(
      () => request(AttachProjectFile, { input, cmid }, [{ path: 'input.file', file, name: file.name }]),
      (field, message) => {
        if (field === 'title') setErrors({ title: 'needTitle' });
        else if (field === 'file') setErrors({ file: fileRefusalKey(message) });
        else return false;
        return true;
      },
    );
    if (ok) await onDone(input.title);
  }

  return (
    <form class="card" onSubmit={upload} noValidate aria-labelledby="pf-add-h">
      <h3 id="pf-add-h">{tpf('addTitle')}</h3>
      <label class="field">
        <span>{tpf('kind')}</span>
        <select value={f.kind} onChange={(e) => setF((x) => ({ ...x, kind: e.currentTarget.value }))}>
          {PROJECT_FILE_KINDS.map((k) => (
            <option key={k} value={k}>
              {label('ProjectDocumentKind', k)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{tpf('file')}</span>
        <input type="file" accept={PROJECT_FILE_ACCEPT} disabled={w.busy} onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)} {...attrs('file')} />
        <span class="hint" id="pf-file-hint">
          {file ? `${tpf('chosen', { name: file.name, size: formatBytes(file.size) })} · ` : ''}
          {tpf('fileHint')}
        </span>
        <FieldErr k="file" />
      </label>
      <label class="field">
        <span>{tpf('fileTitle')}</span>
        <input
          value={f.title}
          maxLength={200}
          autocomplete="off"
          onInput={(e) => {
            const v = e.currentTarget.value;
            setF((x) => ({ ...x, title: v }));
            setErrors((x) => ({ ...x, title: '' }));
          }}
          {...attrs('title')}
        />
        <span class="hint" id="pf-title-hint">
          {tpf('fileTitleHint')}
        </span>
        <FieldErr k="title" />
      </label>
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={f.shared} aria-describedby="pf-shared-hint" onChange={(e) => setF((x) => ({ ...x, shared: e.currentTarget.checked }))} />
          {tpf('sharedLabel')}
        </label>
        <span class="hint" id="pf-shared-hint">
          {tpf('sharedHint')}
        </span>
      </div>
      <FormStatus err={w.err} />
      <div class="btn-row">
        <button type="submit" class="btn primary" disabled={w.busy} aria-busy={w.busy}>
          {w.busy ? tpf('uploading') : tpf('upload')}
        </button>
        <button type="button" class="btn" disabled={w.busy} onClick={() => void onDone(null)}>
          {tpf('cancel')}
        </button>
      </div>
    </form>
  );
}
