// Every failure the worker reports becomes a UserError: a code the pages localize by and an English
// message a user can read as is.
import { FeedError } from '../feeds/model';
import type { UserError } from '../shared/messages';
import type { FetchFailure } from './fetcher';

/** A failure the worker raises itself, already phrased for the user. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: UserError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Turn anything thrown while running a command into the UserError a page can show. */
export function toUserError(error: unknown): UserError {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  if (error instanceof FeedError) {
    return error.alternates.length > 0
      ? { code: error.code, message: error.message, alternates: [...error.alternates] }
      : { code: error.code, message: error.message };
  }
  // Anything else is a bug or a storage failure: say so plainly, keep the detail for the console.
  console.error('[mirror-reader] unexpected error', error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside the extension: ${detail}` };
}

// Transitional, until the error codes of src/shared/errors.ts land: the fetcher's codes as today's UserError.
const FETCH_MESSAGES: Record<FetchFailure['code'], [UserError['code'], (p: FetchFailure['params']) => string]> = {
  timeout: ['network', (p) => `${p.host} did not answer within ${p.seconds} seconds.`],
  network: ['network', (p) => `Could not reach ${p.host}. Check the address and your connection.`],
  'redirect-loop': ['network', (p) => `${p.host} redirects in a loop.`],
  http: ['http', (p) => `${p.host} answered with HTTP ${p.status}.`],
  forbidden: ['http', (p) => `${p.host} refused access to this feed (HTTP ${p.status}).`],
  'not-found': ['http', (p) => `${p.host} has no feed at this address (HTTP ${p.status}).`],
  'server-error': ['http', (p) => `${p.host} had a server error (HTTP ${p.status}).`],
  gone: ['http', (p) => `${p.host} says this feed is gone for good (HTTP 410).`],
  'rate-limited': ['http', (p) => `${p.host} asks to be polled less often (HTTP ${p.status}).`],
  'too-large': ['too-large', (p) => `The document at ${p.host} is larger than ${p.limitMb} MB, too large to be a feed.`],
};

/** A failed fetch as the error a command throws. */
export function fetchError(failure: FetchFailure): CommandError {
  const [code, message] = FETCH_MESSAGES[failure.code];
  return new CommandError(code, message(failure.params));
}
