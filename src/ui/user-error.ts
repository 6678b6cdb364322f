// A worker error in the user's language: a localized summary by code, with the worker's own detail
// (an HTTP status, the host that failed) kept when it says more.
import type { UserError } from '../shared/messages';
import { t, type MessageKey } from './i18n';

/** What an alert shows for one error. */
export interface ErrorText {
  summary: string;
  detail?: string;
}

const SUMMARY: Record<UserError['code'], MessageKey> = {
  'not-a-feed': 'error_not_a_feed',
  malformed: 'error_malformed',
  empty: 'error_empty',
  'too-large': 'error_too_large',
  'invalid-url': 'error_invalid_url',
  network: 'error_network',
  http: 'error_http',
  duplicate: 'error_duplicate',
  'no-access': 'error_no_access',
  'no-feed-found': 'error_no_feed_found',
  internal: 'error_internal',
};

/** The text for `error`; an unknown code falls back to the worker's message. */
export function describeError(error: UserError): ErrorText {
  const key = Object.hasOwn(SUMMARY, error.code) ? SUMMARY[error.code] : undefined;
  if (!key) return { summary: error.message };
  const summary = t(key);
  return error.message && error.message !== summary ? { summary, detail: error.message } : { summary };
}

/** A failure to reach the worker at all (it threw instead of answering) as a UserError. */
export function unreachable(error: unknown): UserError {
  return { code: 'internal', message: t('workerFailed', error instanceof Error ? error.message : String(error)) };
}
