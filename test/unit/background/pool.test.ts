import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../src/background/pool';

describe('mapLimit', () => {
  it('never runs more than `limit` tasks at once and keeps input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      // Resolve in a scrambled order so order-keeping is actually exercised.
      for (let tick = 0; tick < n; tick += 1) await Promise.resolve();
      running -= 1;
      return n * 10;
    });

    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('handles an empty list', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
