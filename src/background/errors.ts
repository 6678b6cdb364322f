// Every failure the worker reports becomes a UserError: a code the pages localize by and an English
// message a user can read as is.
import { FeedError } from '../feeds/model';
import type { UserError } from '../shared/messages';

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
