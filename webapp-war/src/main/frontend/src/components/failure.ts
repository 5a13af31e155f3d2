import type { TFunction } from 'i18next';
import { ApiError } from '../lib/http';

/** What to tell the admin when the designer refused or failed: the server's reasons, field by field. */
export function failure(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('admin.failed');
  const fields = error.fields.map((f) => `${f.field}: ${f.message}`);
  return [error.message, ...fields].filter(Boolean).join(' ');
}
