// A worker error shown to the user in their language, with any follow-up actions.
import type { ComponentChildren } from 'preact';
import type { AppError } from '../shared/errors';
import { errorText } from './user-error';

/** role="alert", so screen readers announce it as soon as it appears. */
export function ErrorAlert({ error, children }: { error: AppError; children?: ComponentChildren }) {
  return (
    <div class="alert" role="alert">
      <p>{errorText(error)}</p>
      {children}
    </div>
  );
}
