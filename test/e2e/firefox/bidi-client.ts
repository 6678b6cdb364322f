// A minimal WebDriver BiDi client over one WebSocket: commands carry an id and resolve with their result,
// events go to subscribers by method name. Just what the Firefox e2e test needs, nothing of the spec's breadth.
import WebSocket from 'ws';

/** An event as Firefox sends it: `{ type: 'event', method, params }`. */
export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

/** A command Firefox answered with `{ type: 'error' }`: its error code and message. */
export class BidiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${code}: ${message}`);
    this.name = 'BidiError';
  }
}

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** One connection to a BiDi endpoint (`ws://…/session`). */
export class BidiClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: BidiEvent) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    // A dropped socket (Firefox crashed or was killed) must fail every waiting command, not hang it.
    socket.on('close', () => this.failAll(new Error('BiDi connection closed')));
    // 'close' follows an error and fails what is pending; this only keeps ws from throwing it unhandled.
    socket.on('error', () => undefined);
  }

  /** Open the WebSocket; rejects if Firefox refuses it. */
  static connect(url: string): Promise<BidiClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new BidiClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Send `method` with `params` and resolve with Firefox's `result` (typed by the caller). */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }), (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }

  /** Call `listener` for every event; returns the unsubscribe. Pair with `session.subscribe`. */
  onEvent(listener: (event: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The params of the first `method` event that `matches`; rejects after `deadlineMs`. Needs `session.subscribe`. */
  waitForEvent(method: string, matches: (params: Record<string, unknown>) => boolean, deadlineMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`No ${method} event matched within ${deadlineMs} ms`));
      }, deadlineMs);
      const stop = this.onEvent((event) => {
        if (event.method !== method || !matches(event.params)) return;
        clearTimeout(timer);
        stop();
        resolve(event.params);
      });
    });
  }

  /** Close the socket (pending commands reject). */
  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as { type: string; id?: number; result?: unknown; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
    if (message.type === 'event' && message.method) {
      for (const listener of this.listeners) listener({ method: message.method, params: message.params ?? {} });
      return;
    }
    if (message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'success') pending.resolve(message.result);
    else pending.reject(new BidiError(pending.method, message.error ?? 'unknown error', message.message ?? ''));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
