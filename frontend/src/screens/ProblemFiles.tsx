// A problem's files: photos chosen on the phone, previewed before they are sent, and the
// files already attached.
import { shrinkPhoto } from '../lib/photo';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../graphql';
import { ApiError, OfflineError, newId, online, request } from '../lib/api';
import { AttachIssueFile } from '../lib/mutations';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Empty, Query, Section } from '../ui/bits';
import { t } from './problems.i18n';

const MAX_PHOTO = 20 << 20;

// ---------------------------------------------------------------------------
// Photos chosen on the phone, previewed before they are sent

interface Photo {
  key: string;
  file: File;
  url: string;
}

export function usePhotos() {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [warning, setWarning] = useState('');
  const current = useRef(photos);
  current.current = photos;
  // The previews' object URLs live as long as the screen.
  useEffect(() => () => current.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  async function add(list: FileList | null) {
    if (!list?.length) return;
    const added: Photo[] = [];
    const rejected: string[] = [];
    for (const chosen of Array.from(list)) {
      const file = await shrinkPhoto(chosen);
      if (file.size > MAX_PHOTO) {
        rejected.push(file.name);
        continue;
      }
      added.push({ key: newId(), file, url: URL.createObjectURL(file) });
    }
    setWarning(rejected.map((name) => t('tooLarge', { name })).join(' '));
    setPhotos((ps) => ps.concat(added));
  }
  function remove(key: string) {
    const p = current.current.find((x) => x.key === key);
    if (p) URL.revokeObjectURL(p.url);
    setPhotos((ps) => ps.filter((x) => x.key !== key));
  }
  function clear() {
    current.current.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
  }
  return { photos, add, remove, clear, warning };
}

const thumbItem = { position: 'relative', listStyle: 'none' } as const;
const thumbRemove = {
  position: 'absolute',
  top: '-6px',
  right: '-6px',
  width: '44px',
  height: '44px',
  borderRadius: '22px',
  border: '2px solid #fff',
  background: '#1b1f23',
  color: '#fff',
  fontSize: '1.25rem',
  lineHeight: 1,
  cursor: 'pointer',
} as const;

export function PhotoPicker({
  ph,
  fieldLabel,
  hint,
  disabled,
}: {
  ph: ReturnType<typeof usePhotos>;
  fieldLabel: string;
  hint?: string;
  disabled?: boolean;
}) {
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    ph.add(input.files);
    input.value = '';
  };
  // Two ways in: the camera, or photos already taken (the gallery). The inputs are
  // hidden behind buttons that say which.
  return (
    <div class="field" role="group" aria-labelledby="photo-label" aria-describedby={hint ? 'photo-hint' : undefined}>
      <span id="photo-label" style={{ display: 'block', fontWeight: 600, marginBottom: '4px' }}>
        {fieldLabel}
      </span>
      <input ref={camera} hidden type="file" accept="image/*" capture="environment" onChange={pick} />
      <input ref={gallery} hidden type="file" accept="image/*" multiple onChange={pick} />
      <div class="btn-row">
        <button type="button" class="btn" disabled={disabled} onClick={() => camera.current?.click()}>
          {t('takePhoto')}
        </button>
        <button type="button" class="btn" disabled={disabled} onClick={() => gallery.current?.click()}>
          {t('choosePhotos')}
        </button>
      </div>
      {hint && (
        <span class="hint" id="photo-hint">
          {hint}
        </span>
      )}
      {ph.warning && (
        <p class="field-error" role="alert">
          {ph.warning}
        </p>
      )}
      {ph.photos.length > 0 && (
        <ul class="thumbs" style={{ padding: '8px 0 0', margin: 0 }}>
          {ph.photos.map((p, i) => (
            <li key={p.key} style={thumbItem}>
              <img src={p.url} alt={t('photoAlt', { n: i + 1, name: p.file.name })} />
              <button
                type="button"
                style={thumbRemove}
                aria-label={t('removePhoto', { n: i + 1, name: p.file.name })}
                onClick={() => ph.remove(p.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ProblemFilesQuery = graphql(`
  query ProblemFiles($id: ID!) {
    node(id: $id) {
      id
      ... on Issue {
        attachments(first: 20) { edges { node { id fileName contentType sizeBytes downloadURL caption } } }
      }
    }
  }
`);

export function Files({ id }: { id: string }) {
  const q = useQuery(ProblemFilesQuery, { id });
  const on = useStore(online);
  const ph = usePhotos();
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<{ i: number; n: number } | null>(null);
  const [msg, setMsg] = useState<{ tone: 'notice' | 'error'; text: string } | null>(null);

  async function upload() {
    const list = ph.photos.slice();
    if (!list.length) return;
    setMsg(null);
    try {
      for (const [i, p] of list.entries()) {
        setProgress({ i: i + 1, n: list.length });
        await request(AttachIssueFile, { input: { issueID: id, file: p.file, caption: caption.trim() || null }, cmid: newId() }, [
          { path: 'input.file', file: p.file, name: p.file.name },
        ]);
        ph.remove(p.key);
      }
      setCaption('');
      setMsg({ tone: 'notice', text: t('uploaded') });
    } catch (e) {
      setMsg({
        tone: 'error',
        text:
          e instanceof OfflineError
            ? t('uploadOffline')
            : t('uploadFailed', { message: e instanceof ApiError ? `${e.message} (${e.code})` : String((e as Error)?.message ?? e) }),
      });
    } finally {
      setProgress(null);
      void q.refetch();
    }
  }

  const stale = !!q.staleSince || !on;
  return (
    <Section title={t('files')} id="files">
      <Query q={q}>
        {(d) => {
          const node = d.node && 'attachments' in d.node ? d.node : null;
          const files = (node?.attachments.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
          if (!files.length) return <Empty>{t('filesEmpty')}</Empty>;
          return (
            <>
              {stale && <p class="muted small">{t('filesOffline')}</p>}
              <ul class="thumbs" style={{ padding: 0, margin: '0 0 12px' }}>
                {files.map((f) => {
                  const image = f.contentType.startsWith('image/') && !/hei[cf]/.test(f.contentType);
                  return (
                    <li key={f.id} style={{ listStyle: 'none', width: '88px' }}>
                      {f.downloadURL && !stale ? (
                        <a
                          href={f.downloadURL}
                          target="_blank"
                          rel="noopener"
                          aria-label={t('openFile', { name: f.fileName })}
                          style={{ display: 'block', width: '88px', height: '88px' }}
                        >
                          {image ? (
                            <img src={f.downloadURL} alt={f.caption || f.fileName} loading="lazy" />
                          ) : (
                            <span
                              class="badge"
                              style={{
                                display: 'flex',
                                width: '88px',
                                height: '88px',
                                alignItems: 'center',
                                justifyContent: 'center',
                                wordBreak: 'break-all',
                              }}
                            >
                              {f.fileName}
                            </span>
                          )}
                        </a>
                      ) : (
                        <span
                          class="badge"
                          style={{
                            display: 'flex',
                            width: '88px',
                            height: '88px',
                            alignItems: 'center',
                            justifyContent: 'center',
                            wordBreak: 'break-all',
                          }}
                        >
                          {f.fileName}
                        </span>
                      )}
                      {f.caption && (
                        <span class="small muted" style={{ display: 'block' }}>
                          {f.caption}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </Query>
      <div class="card">
        <PhotoPicker ph={ph} fieldLabel={t('addPhotos')} disabled={!on || !!progress} />
        {!on && <p class="muted small">{t('uploadOffline')}</p>}
        {ph.photos.length > 0 && (
          <>
            <label class="field">
              <span>{t('caption')}</span>
              <input name="caption" value={caption} maxLength={1000} onInput={(e) => setCaption(e.currentTarget.value)} />
            </label>
            <button
              type="button"
              class="btn primary block"
              disabled={!on || !!progress}
              aria-busy={!!progress}
              onClick={() => void upload()}
            >
              {progress ? t('uploading', progress) : t('upload', { n: ph.photos.length })}
            </button>
          </>
        )}
        {msg && (
          <p class={msg.tone} role={msg.tone === 'error' ? 'alert' : 'status'}>
            {msg.text}
          </p>
        )}
      </div>
    </Section>
  );
}
