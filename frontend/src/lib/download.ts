// Files behind the session's token (exports, an import's refused rows): a GET with the
// bearer token, refreshed once on 401, the answer saved as a blob under the server's
// file name. A refused request becomes an ApiError carrying the HTTP status.
import { ApiError, OfflineError, online, refresh, session } from './api';
import { lang } from './i18n';

/** The file name from Content-Disposition (attachment; filename*=UTF-8''客户.xlsx). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*\s*=\s*(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '');
  const raw = star?.[1] ?? plain?.[1];
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function get(url: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const token = session.get()?.accessToken;
    let res: Response;
    try {
      const headers: Record<string, string> = { 'X-Tandem-Lang': lang.get() };
      if (token) headers.Authorization = `Bearer ${token}`;
      res = await fetch(url, { headers });
    } catch {
      online.set(false);
      throw new OfflineError();
    }
    online.set(true);
    if (res.status === 401 && attempt === 0 && (await refresh())) continue;
    return res;
  }
}

async function refusal(res: Response): Promise<ApiError> {
  let e: any;
  try {
    const body = await res.json();
    e = body?.errors?.[0] ?? body;
  } catch {
    /* not JSON */
  }
  const ext = e?.extensions ?? {};
  const code = String(ext.code ?? e?.code ?? (res.status === 404 ? 'NOT_FOUND' : res.status === 403 ? 'FORBIDDEN' : res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL'));
  return new ApiError(e?.message ?? `HTTP ${res.status}`, code, { ...ext, status: res.status });
}

/** Fetch url with the session's token and hand it to the browser as a download; returns the file name. */
export async function download(url: string, fallbackName: string): Promise<string> {
  const res = await get(url);
  if (!res.ok) throw await refusal(res);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

/** Hand a blob to the browser as a download named name. */
export function saveBlob(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
