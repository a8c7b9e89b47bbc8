// An error as the Data screens show it: the message, then the server's code.
import { ApiError, isOffline } from '../lib/api';
import { tc } from '../ui/common.i18n';
import { t } from './import.i18n';

export function Refusal({ error, prefix }: { error: unknown; prefix?: (m: string) => string }) {
  const msg = isOffline(error) ? tc('onlineOnly') : ((error as Error)?.message ?? String(error));
  return (
    <div class="error" role="alert">
      <p>{prefix ? prefix(msg) : msg}</p>
      {error instanceof ApiError && <p class="muted small">{t('code', { code: error.code })}</p>}
    </div>
  );
}
