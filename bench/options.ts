// Options page rows (real Chromium, the built extension, 1,000 feeds on 20 loopback hosts): what an open options
// page listing every feed costs while a round polls them all. The same session runs a round with no page open
// (the floor), then opens the options page and runs the next round: the whole browser's CPU time (every process
// of this Chromium, from /proc) and the round's wall time beside the page-less round, and the page's own
// main-thread time (DevTools' TaskDuration) beside one load of the page with its 1,000 feeds.
import { existsSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { PAGES } from '../scripts/chromium';
import { browserPid, processTreeCpuMs } from './proc-cpu';
import { afterRoundDone, floorBundle, open, row, subscribeAll, timedRefresh, type Session } from './poll';
import { publish } from './poll-feeds';
import type { BenchRow } from './row';

const FEEDS = 1000;
const ENTRIES = 10;

/** What one round cost. */
interface RoundCost {
  wallMs: number;
  cpuMs: number;
}

/** The options rows, or none (saying so) where /proc is missing. */
export async function optionsBench(dist: string): Promise<BenchRow[]> {
  if (!existsSync('/proc/self/stat')) {
    console.log('note: no /proc here, so the options page rows are left out');
    return [];
  }
  const session = await open(dist, await floorBundle());
  try {
    const base = Date.now();
    await subscribeAll(session, FEEDS, base);
    const pid = browserPid(session.ext.profile);
    const cpu = () => processTreeCpuMs(pid);
    // A first round (every feed answers 304) runs retention, due once every six hours: it is then not due in
    // either measured round, which cost the same apart from the open page.
    const warmUp = Date.now();
    await timedRefresh(session.control);
    await afterRoundDone(session.control, warmUp);
    await quiet(cpu);
    const bare = await measuredRound(session, 1, base, cpu);

    const page = await session.ext.context.newPage();
    const cdp = await session.ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(session.ext.url(PAGES.options));
    await page.locator('.feed-row').nth(FEEDS - 1).waitFor({ timeout: 180_000 });
    await quiet(cpu);
    const load = await taskMs(cdp);
    const listed = await measuredRound(session, 2, base, cpu);
    const during = (await taskMs(cdp)) - load;
    await page.close();
    return [
      row(`browser CPU time of a round of ${FEEDS.toLocaleString('en')} feeds × ${ENTRIES} new entries with the options page open (listing them), vs the same round with no page open`, listed.cpuMs, 'ms', bare.cpuMs),
      row('wall time of that round with the options page open, vs the round with no page open', listed.wallMs, 'ms', bare.wallMs),
      row(`options page main-thread time during that round, vs one load of the page with its ${FEEDS.toLocaleString('en')} feeds`, during, 'ms', load),
    ];
  } finally {
    await session.close();
  }
}

/** Publish generation `generation`, Refresh, and wait for the browser to go quiet (the after-round steps, and an
 * open page catching up on the round's writes): wall time to the reply, CPU time to the end. */
async function measuredRound(session: Session, generation: number, base: number, cpu: () => number): Promise<RoundCost> {
  for (let index = 0; index < FEEDS; index++) publish(session.hosts, index, ENTRIES, generation, base);
  const cpuBefore = cpu();
  const { ms, added, failed } = await timedRefresh(session.control);
  if (added !== FEEDS * ENTRIES || failed !== 0) throw new Error(`the round added ${added} of ${FEEDS * ENTRIES} entries, ${failed} feeds failed`);
  await quiet(cpu);
  return { wallMs: ms, cpuMs: cpu() - cpuBefore };
}

/** Wait until the browser uses under 5% of a core over half a second (at most two minutes). */
async function quiet(cpu: () => number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = cpu();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpu();
    if (now - last < 25) return;
    last = now;
  }
  throw new Error('the browser did not go quiet within two minutes');
}

/** The page's main-thread time so far, in ms (DevTools' cumulative TaskDuration). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('DevTools reported no TaskDuration');
  return task.value * 1000;
}
