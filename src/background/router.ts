// The typed command router: one handler per command in shared/messages.ts, every reply a Result.
import type { CommandName, Commands, Envelope, Result } from '../shared/messages';
import { toAppError } from './errors';

/** One async handler per command; leaving one out, or replying with the wrong shape, does not compile. */
export type Handlers = { [K in CommandName]: (payload: Commands[K]['req']) => Promise<Commands[K]['res']> };

/** The parts of a runtime.onMessage sender the router checks. */
export interface Sender {
  id?: string;
  url?: string;
}

/** Who may send commands: this extension's id and pages under its own base URL (never a web page). */
export interface Self {
  id: string;
  baseUrl: string;
}

/** A runtime.onMessage listener: answers our pages' commands, stays silent for anything else. */
export function createRouter(handlers: Handlers, self: Self) {
  return (message: unknown, sender: Sender): Promise<Result<unknown>> | undefined => {
    if (sender.id !== self.id || !sender.url?.startsWith(self.baseUrl)) return undefined;
    if (!isEnvelope(message, handlers)) return undefined;
    return dispatch(handlers, message);
  };
}

/** Run the command's handler; any throw becomes `{ ok: false, error }`. A native Promise, as onMessage needs. */
export async function dispatch<K extends CommandName>(handlers: Handlers, envelope: Envelope<K>): Promise<Result<Commands[K]['res']>> {
  try {
    const handler = handlers[envelope.type] as (payload: Commands[K]['req']) => Promise<Commands[K]['res']>;
    return { ok: true, value: await handler(envelope.payload) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

function isEnvelope(message: unknown, handlers: Handlers): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  return typeof type === 'string' && Object.hasOwn(handlers, type) && typeof payload === 'object' && payload !== null;
}
