// An AppError in the user's language: the message `error_<code>` of the current locale, its $1…$n filled from
// the error's parameters in the order ERROR_PARAMS gives.
import { ERROR_PARAMS, isErrorCode, type AppError } from '../shared/errors';
import { t, type MessageKey } from './i18n';

/** The message key of an error code ('not-a-feed' → 'error_not_a_feed'). */
export function errorKey(code: keyof typeof ERROR_PARAMS): MessageKey {
  return `error_${code.replace(/-/g, '_')}` as MessageKey;
}

/** `error` as one sentence; a code this build does not know says so, with the code. */
export function errorText(error: AppError): string {
  if (!isErrorCode(error.code)) return t('error_unknown', String(error.code));
  const values = ERROR_PARAMS[error.code].map((name) => String(error.params?.[name] ?? ''));
  return t(errorKey(error.code), ...values);
}

/** A failure to reach the worker at all (it threw instead of answering) as an AppError. */
export function unreachable(error: unknown): AppError {
  return { code: 'worker-unreachable', params: { detail: error instanceof Error ? error.message : String(error) } };
}
