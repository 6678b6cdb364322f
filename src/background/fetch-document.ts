// A one-off fetch (subscribe, discovery, a preview): the document, or the CommandError a page shows. Polls use
// the outcome itself (poll.ts); here there is no feed row to record it on.
import { appError } from '../shared/errors';
import { CommandError } from './errors';
import { fetchFeed, type FetchOptions, type FetchOutcome } from './fetcher';
import { firstFailureError } from './poll-state';

/** What a first request for an address gives when it works. */
export type FetchedDocument = Extract<FetchOutcome, { kind: 'fetched' }>;

/** Fetch `url` once; any failure (rate-limited with the minutes asked for) is thrown as a CommandError. */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const now = (options.now ?? Date.now)();
  const outcome = await fetchFeed({ url }, options);
  if (outcome.kind === 'failed') {
    const error = firstFailureError({ error: appError(outcome.error.code, outcome.error.params), ...(outcome.retryAt === undefined ? {} : { retryAt: outcome.retryAt }) }, now);
    throw new CommandError(error.code, error.params);
  }
  // Without validators or a stored hash, a first request can only be 'fetched'.
  if (outcome.kind !== 'fetched') throw new CommandError('internal', { detail: `a first fetch answered ${outcome.kind}` });
  return outcome;
}
