// Preact binding for Dexie's liveQuery: the component re-renders whenever the rows it read change,
// including writes made by the service worker.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** What a live query holds: nothing yet, a value, or the error that stopped it. */
export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/** Subscribe to `query` while mounted; resubscribes when `deps` change (keeping the last value meanwhile). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // The caller lists the inputs of `query`, exactly as with useEffect.
  }, deps);
  return state;
}
