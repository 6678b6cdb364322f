import { describe, expect, it, vi } from 'vitest';
import { PollPool } from '../../../src/background/pool';

/** A task per item that stays open until the test releases it, recording the peak concurrency. */
function gatedPool(fetches: number, perHost: number) {
  const releases = new Map<string, () => void>();
  let running = 0;
  let peak = 0;
  const hostPeak = new Map<string, number>();
  const hostNow = new Map<string, number>();
  const started: string[] = [];
  const pool = new PollPool<string>({
    fetches,
    perHost,
    hostOf: (item) => item.split('/')[0]!,
    run: (item, hosts) =>
      hosts.withHost(item.split('/')[0]!, async () => {
        started.push(item);
        running += 1;
        peak = Math.max(peak, running);
        const host = item.split('/')[0]!;
        hostNow.set(host, (hostNow.get(host) ?? 0) + 1);
        hostPeak.set(host, Math.max(hostPeak.get(host) ?? 0, hostNow.get(host)!));
        await new Promise<void>((resolve) => releases.set(item, resolve));
        running -= 1;
        hostNow.set(host, hostNow.get(host)! - 1);
      }),
  });
  return { pool, releases, started, peak: () => peak, hostPeak };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function drain(gated: ReturnType<typeof gatedPool>): Promise<void> {
  let idle = false;
  void gated.pool.idle().then(() => (idle = true));
  while (!idle) {
    await tick();
    for (const [item, release] of gated.releases) {
      gated.releases.delete(item);
      release();
    }
  }
}

describe('PollPool', () => {
  it('runs at most 6 at once and at most 2 per host, letting other hosts overtake a busy one', async () => {
    const gated = gatedPool(6, 2);
    const items = [...['a/1', 'a/2', 'a/3', 'a/4'], ...['b/1', 'b/2', 'b/3'], ...['c/1', 'c/2', 'd/1', 'e/1']];
    gated.pool.add(items);
    await tick();

    expect(gated.started).toEqual(['a/1', 'a/2', 'b/1', 'b/2', 'c/1', 'c/2']);
    await drain(gated);
    expect([...gated.started].sort()).toEqual([...items].sort());
    expect(gated.peak()).toBe(6);
    expect(Math.max(...gated.hostPeak.values())).toBe(2);
  });

  it('takes items added while it runs, and is idle only when all are done', async () => {
    const gated = gatedPool(2, 2);
    gated.pool.add(['a/1']);
    await tick();
    gated.pool.add(['b/1', 'b/2']);
    let idle = false;
    void gated.pool.idle().then(() => (idle = true));
    await tick();
    expect(gated.started).toEqual(['a/1', 'b/1']);
    expect(idle).toBe(false);

    await drain(gated);
    await tick();
    expect(idle).toBe(true);
    expect(gated.started).toEqual(['a/1', 'b/1', 'b/2']);
  });

  it('keeps going when a task throws, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const done: number[] = [];
    const pool = new PollPool<number>({
      fetches: 1,
      perHost: 1,
      hostOf: () => 'h',
      run: async (item) => {
        if (item === 1) throw new Error('boom');
        done.push(item);
      },
    });
    pool.add([1, 2, 3]);
    await pool.idle();
    expect(done).toEqual([2, 3]);
    expect(log).toHaveBeenCalledWith('[mirror-reader] a poll task failed', new Error('boom'));
    log.mockRestore();
  });
});
