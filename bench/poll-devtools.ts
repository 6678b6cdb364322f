// The extension's service worker over the DevTools protocol, for figures Playwright does not give: its JS heap.
// Chromium is started with --remote-debugging-port=0 and writes the port it chose into the profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

/** A DevTools connection to one service worker. */
export interface WorkerDevtools {
  /** The worker's used JS heap, in bytes. */
  heapUsed(): Promise<number>;
  /** Run a full garbage collection in the worker. */
  collectGarbage(): Promise<void>;
  /** Sample heapUsed every `intervalMs` until the returned stop() is called; stop() resolves to the peak. */
  watchPeak(intervalMs: number): () => Promise<number>;
  close(): void;
}

/** Attach to the extension's service worker in the Chromium whose profile is `profile`. */
export async function attachWorker(profile: string, extensionId: string): Promise<WorkerDevtools> {
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((candidate) => candidate.type === 'service_worker' && candidate.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('the extension has no running service worker to attach to');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    if (message.id !== undefined) pending.delete(message.id);
  });
  const send = <T>(method: string): Promise<T> =>
    new Promise((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id: nextId, method }));
    });
  const heapUsed = async () => (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  return {
    heapUsed,
    collectGarbage: async () => {
      await send('HeapProfiler.collectGarbage');
    },
    watchPeak(intervalMs) {
      let peak = 0;
      let running = true;
      const loop = (async () => {
        while (running) {
          peak = Math.max(peak, await heapUsed());
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
        }
      })();
      return async () => {
        running = false;
        await loop;
        return peak;
      };
    },
    close: () => socket.close(),
  };
}
