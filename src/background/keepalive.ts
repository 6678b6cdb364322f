// Chrome stops an MV3 worker after 30 s without extension events or API calls, even while fetch() calls are
// pending. While a round runs, a tick every 20 s calls the extension API (the scheduler's tick also moves the
// resume alarm forward), which resets that timer. A single request may still not run over 5 minutes: no
// fetch does (FETCH_TIMEOUT_MS) and command replies do not wait that long (scheduler.ts).

/** How often the tick runs: well inside the 30 s idle limit, even on a loaded machine. */
export const KEEPALIVE_MS = 20_000;

/** Run `tick` every KEEPALIVE_MS until `work` settles; returns what `work` returns. Tick errors are logged only. */
export async function keepAlive<T>(work: Promise<T>, tick: () => Promise<unknown>, intervalMs: number = KEEPALIVE_MS): Promise<T> {
  const timer = setInterval(() => {
    tick().catch((error: unknown) => console.warn('[mirror-reader] keepalive tick failed', error));
  }, intervalMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
