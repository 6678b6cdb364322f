// A worker error shown to the user: localized summary, the worker's detail, and any follow-up actions.
import type { ComponentChildren } from 'preact';
import type { UserError } from '../shared/messages';
import { describeError } from './user-error';

/** role="alert", so screen readers announce it as soon as it appears. */
export function ErrorAlert({ error, children }: { error: UserError; children?: ComponentChildren }) {
  const text = describeError(error);
  return (
    <div class="alert" role="alert">
      <p>{text.summary}</p>
      {text.detail && <p class="detail">{text.detail}</p>}
      {children}
    </div>
  );
}
