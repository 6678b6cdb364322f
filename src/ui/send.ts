// send() for components: a worker that throws (not installed, restarting) becomes an ordinary failed Result.
import { send, type CommandName, type Commands, type Result } from '../shared/messages';
import { unreachable } from './user-error';

/** Send a command; never rejects. */
export async function command<K extends CommandName>(type: K, payload: Commands[K]['req']): Promise<Result<Commands[K]['res']>> {
  try {
    const result = await send(type, payload);
    // An undefined reply means no listener answered: the worker did not recognize us.
    return result ?? { ok: false, error: unreachable(new Error('no reply')) };
  } catch (error) {
    return { ok: false, error: unreachable(error) };
  }
}
