// The polite poll queue: at most `fetches` fetches at once and at most `perHost` per host, so a round of 1,000
// feeds never opens more than a few connections to one mirror. Tasks (a whole poll: claim, fetch, parse, store)
// may run twice as many at once overall, so storing one feed overlaps fetching the next; per host they are
// held to `perHost`, so the queue's order (a Refresh of one feed first) is the order of the fetches. Items can
// be added while it runs (a Refresh during an alarm's round).

/** The limits of a queue and how to run one item. */
export interface PoolOptions<T> {
  fetches: number;
  perHost: number;
  /** The host an item's first fetch goes to: items whose host is busy wait, others overtake them. */
  hostOf(item: T): string;
  run(item: T, hosts: HostSlots): Promise<void>;
}

/** Fetch slots for the fetches inside one task (a feed's mirrors may live on other hosts). */
export interface HostSlots {
  /** Run `fetch` once a slot overall and one on `host` are free. */
  withHost<R>(host: string, fetch: () => Promise<R>): Promise<R>;
}

/** A queue of items run under the limits. */
export class PollPool<T> implements HostSlots {
  private readonly queue: T[] = [];
  private running = 0;
  /** Tasks running, by the host of their first fetch: the dispatcher's view. */
  private readonly tasksPerHost = new Map<string, number>();
  /** Fetches in flight, overall and by host: what withHost limits. */
  private fetching = 0;
  private readonly perHost = new Map<string, number>();
  private slotWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: PoolOptions<T>) {}

  /** Queue `items` (before the waiting ones when `first`) and start what the limits allow. */
  add(items: Iterable<T>, first = false): void {
    if (first) this.queue.unshift(...items);
    else this.queue.push(...items);
    this.dispatch();
  }

  /** Move the waiting items that `urgent` picks to the front of the queue. */
  promote(urgent: (item: T) => boolean): void {
    const picked = this.queue.filter(urgent);
    if (picked.length === 0) return;
    this.queue.splice(0, this.queue.length, ...picked, ...this.queue.filter((item) => !urgent(item)));
    this.dispatch();
  }

  /** Resolves once the queue is empty and nothing runs. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async withHost<R>(host: string, fetch: () => Promise<R>): Promise<R> {
    while (this.fetching >= this.options.fetches || (this.perHost.get(host) ?? 0) >= this.options.perHost) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    this.fetching += 1;
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
    try {
      return await fetch();
    } finally {
      this.fetching -= 1;
      this.perHost.set(host, (this.perHost.get(host) ?? 1) - 1);
      // Every waiter checks its own host again; the ones still blocked wait anew.
      const waiters = this.slotWaiters;
      this.slotWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private dispatch(): void {
    while (this.running < 2 * this.options.fetches) {
      const index = this.queue.findIndex((item) => (this.tasksPerHost.get(this.options.hostOf(item)) ?? 0) < this.options.perHost);
      if (index < 0) break;
      const item = this.queue.splice(index, 1)[0] as T;
      const host = this.options.hostOf(item);
      this.running += 1;
      this.tasksPerHost.set(host, (this.tasksPerHost.get(host) ?? 0) + 1);
      void this.options
        .run(item, this)
        .catch((error: unknown) => console.error('[mirror-reader] a poll task failed', error))
        .finally(() => {
          this.running -= 1;
          this.tasksPerHost.set(host, (this.tasksPerHost.get(host) ?? 1) - 1);
          this.dispatch();
          if (this.queue.length === 0 && this.running === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }
}
