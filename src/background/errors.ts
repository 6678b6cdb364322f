// Every failure the worker reports becomes an AppError: a code and its parameters, which pages put into the
// user's language. The worker itself writes no text a user reads.
import { FeedError } from '../feeds/model';
import { appError, type AppError, type ErrorCode, type ErrorParams } from '../shared/errors';

/** A failure the worker raises itself: a code and its parameters (host, status, limit …). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    // The message is for consoles and test output only.
    super(Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code);
  }
}

/** Turn anything thrown while running a command into the AppError a page can show. */
export function toAppError(error: unknown): AppError {
  if (error instanceof CommandError) return appError(error.code, error.params);
  if (error instanceof FeedError) return appError(error.code, error.params, error.alternates);
  // Anything else is a bug or a storage failure: keep the engine's own text as the detail, log the rest.
  console.error('[mirror-reader] unexpected error', error);
  return appError('internal', { detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}
