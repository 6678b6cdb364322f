import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAlive, KEEPALIVE_MS } from '../../../src/background/keepalive';

afterEach(() => vi.useRealTimers());

describe('keepAlive', () => {
  it('ticks every 20 s while the work runs, and stops when it settles', async () => {
    vi.useFakeTimers();
    const tick = vi.fn(async () => undefined);
    let finish!: (value: string) => void;
    const running = keepAlive(new Promise<string>((resolve) => (finish = resolve)), tick);

    expect(KEEPALIVE_MS).toBe(20_000);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(tick).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(tick).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(tick).toHaveBeenCalledTimes(6);

    finish('done');
    expect(await running).toBe('done');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(tick).toHaveBeenCalledTimes(6);
  });

  it('passes a failure of the work through, and only logs a failing tick', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail!: (error: Error) => void;
    const running = keepAlive(new Promise<never>((_, reject) => (fail = reject)), async () => Promise.reject(new Error('api gone')));
    const settled = running.catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(warn).toHaveBeenCalledWith('[mirror-reader] keepalive tick failed', new Error('api gone'));
    fail(new Error('poll broke'));
    expect(await settled).toEqual(new Error('poll broke'));
    warn.mockRestore();
  });
});
