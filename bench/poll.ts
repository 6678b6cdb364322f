// Poll rows (real Chromium, the built extension, feeds on 20 loopback hosts): one full poll of 200 feeds × 100
// new entries beside the same records written by a bare Dexie bulkPut; 100,000 entries through ingest alone in
// the worker beside the same; 1,000 feeds × 50 new entries (goal under
// 60 s) with the worker's JS heap peak (goal under 64 MB) beside its heap at rest; an all-304 round of 1,000
// feeds beside the same 1,000 conditional fetches made bare from the worker.
import { build } from 'esbuild';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../scripts/chromium';
import type { FeedServer } from '../scripts/feed-server';
import type { BenchFloor } from './poll-floor';
import { attachWorker, type WorkerDevtools } from './poll-devtools';
import { feedUrl, publish, startHosts, stopHosts } from './poll-feeds';
import type { BenchRow } from './row';

const HOSTS = 20;
const MB = 1024 * 1024;

/** A Chromium with the built extension, its control page (renders nothing), the worker's DevTools and the feed hosts. */
export interface Session {
  ext: ExtensionBrowser;
  control: Page;
  devtools: WorkerDevtools;
  hosts: FeedServer[];
  worker(): Worker;
  close(): Promise<void>;
}

/** Every poll row. */
export async function pollBench(dist: string): Promise<BenchRow[]> {
  const floorCode = await floorBundle();
  return [...(await fullPoll(dist, floorCode)), ...(await largeLibrary(dist, floorCode))];
}

async function fullPoll(dist: string, floorCode: string): Promise<BenchRow[]> {
  const session = await open(dist, floorCode);
  try {
    const base = Date.now();
    await subscribeAll(session, 200, base);
    const { ms, added, afterId } = await measuredRound(session, 200, 100, 1, base);
    const floor = await session.worker().evaluate((after) => (globalThis as unknown as { benchFloor: BenchFloor }).benchFloor.bulkPut(after), afterId);
    if (floor.entries !== added) throw new Error(`the floor copied ${floor.entries} entries, the poll added ${added}`);
    const ingest = await session.worker().evaluate(() => (globalThis as unknown as { benchFloor: BenchFloor }).benchFloor.ingest(100, 1000));
    if (ingest.entries !== 100_000) throw new Error(`the ingest stored ${ingest.entries} of 100,000 entries`);
    return [
      row('poll 200 feeds × 100 new entries, one round, vs bare Dexie bulkPut of the same 20,000 records', ms, 'ms', floor.ms),
      row('ingest of 100,000 entries, 100 feeds × 1,000, one transaction per feed (goal ≤ 2×), vs bare Dexie bulkPut of the same records', ingest.ms, 'ms', ingest.floorMs),
    ];
  } finally {
    await session.close();
  }
}

async function largeLibrary(dist: string, floorCode: string): Promise<BenchRow[]> {
  const session = await open(dist, floorCode);
  try {
    const base = Date.now();
    await subscribeAll(session, 1000, base);
    await session.devtools.collectGarbage();
    const rest = await session.devtools.heapUsed();
    const stopWatching = session.devtools.watchPeak(50);
    const { ms, added, afterId } = await measuredRound(session, 1000, 50, 1, base);
    const peak = await stopWatching();
    const floor = await session.worker().evaluate((after) => (globalThis as unknown as { benchFloor: BenchFloor }).benchFloor.bulkPut(after), afterId);
    if (floor.entries !== added) throw new Error(`the floor copied ${floor.entries} entries, the poll added ${added}`);

    // Nothing changed since: every feed answers 304 to its stored ETag.
    const unchanged = await timedRefresh(session.control);
    if (unchanged.added !== 0 || unchanged.failed !== 0) throw new Error(`the all-304 round added ${unchanged.added} and failed ${unchanged.failed}`);
    const bare = await session.worker().evaluate(() => (globalThis as unknown as { benchFloor: BenchFloor }).benchFloor.conditionalFetches(6));
    if (bare.notModified !== 1000) throw new Error(`only ${bare.notModified} of the bare conditional fetches answered 304`);
    return [
      row('poll 1,000 feeds × 50 new entries, one round (goal < 60 s), vs bare Dexie bulkPut of the same 50,000 records', ms, 'ms', floor.ms),
      row('worker JS heap peak during that round (goal < 64 MB), vs the heap at rest before it', peak / MB, 'MB', rest / MB),
      row('all-304 round of 1,000 feeds, vs 1,000 bare conditional fetches from the worker, 6 at a time', unchanged.ms, 'ms', bare.ms),
    ];
  } finally {
    await session.close();
  }
}

/** Start the feed hosts and Chromium with `dist`, the floors evaluated in its worker. */
export async function open(dist: string, floorCode: string): Promise<Session> {
  const hosts = await startHosts(HOSTS);
  const ext = await launchWithExtension(dist, { args: ['--remote-debugging-port=0'] });
  // Commands go from an extension page that renders nothing: an open options page, reading its list of 1,000
  // feeds again during the round, would take some of the CPU the round is measured on (bench/options.ts).
  const control = await ext.context.newPage();
  await control.goto(ext.url('manifest.json'));
  const worker = () => ext.context.serviceWorkers().filter((candidate) => candidate.url().startsWith(`chrome-extension://${ext.extensionId}/`)).at(-1) ?? ext.worker;
  await worker().evaluate(floorCode);
  const devtools = await attachWorker(ext.profile, ext.extensionId);
  return {
    ext,
    control,
    devtools,
    hosts,
    worker,
    close: async () => {
      devtools.close();
      await ext.close();
      await stopHosts(hosts);
    },
  };
}

/** Subscribe `count` feeds serving one entry each (generation 0), ten at a time. */
export async function subscribeAll(session: Session, count: number, base: number): Promise<void> {
  for (let index = 0; index < count; index++) publish(session.hosts, index, 1, 0, base);
  for (let start = 0; start < count; start += 10) {
    const urls = Array.from({ length: Math.min(10, count - start) }, (_, offset) => feedUrl(session.hosts, start + offset));
    const replies = await session.control.evaluate(
      (all) => Promise.all(all.map((url) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'subscribe', payload: { url } }))),
      urls,
    );
    if (replies.some((reply) => !reply.ok)) throw new Error(`subscribing failed: ${JSON.stringify(replies.find((reply) => !reply.ok))}`);
  }
}

/** Publish `entries` new entries per feed, Refresh, and time the round (the reply comes when it finished). */
async function measuredRound(session: Session, feeds: number, entries: number, generation: number, base: number): Promise<{ ms: number; added: number; afterId: number }> {
  for (let index = 0; index < feeds; index++) publish(session.hosts, index, entries, generation, base);
  const afterId = await session.worker().evaluate(() => (globalThis as unknown as { benchFloor: BenchFloor }).benchFloor.maxEntryId());
  const started = Date.now();
  const { ms, added, failed } = await timedRefresh(session.control);
  if (added !== feeds * entries || failed !== 0) throw new Error(`the round added ${added} of ${feeds * entries} entries, ${failed} feeds failed`);
  await afterRoundDone(session.control, started);
  return { ms, added, afterId };
}

/** Wait until the steps after a round (retention over every feed, then the badge) are done, so they do not
 * run under the next figure. Retention is the step that records itself (status 'storage', retentionAt). */
export async function afterRoundDone(control: Page, since: number): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const at = await control.evaluate(
      () =>
        new Promise<number | undefined>((done) => {
          const open = indexedDB.open('mirror-reader');
          open.onsuccess = () => {
            const read = open.result.transaction('status').objectStore('status').get('storage');
            read.onsuccess = () => {
              open.result.close();
              done((read.result as { retentionAt?: number } | undefined)?.retentionAt);
            };
          };
        }),
    );
    if (at !== undefined && at >= since) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('retention did not run after the round');
}

/** Refresh every feed from `control`; the reply comes when the round finished, with its totals. */
export async function timedRefresh(control: Page): Promise<{ ms: number; added: number; failed: number }> {
  return control.evaluate(async () => {
    const start = performance.now();
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { added: number; failed: number } }> } } }).chrome.runtime.sendMessage({ type: 'refresh', payload: {} }));
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return { ms: performance.now() - start, added: reply.value.added, failed: reply.value.failed };
  });
}

/** bench/poll-floor.ts bundled into one script that sets globalThis.benchFloor. */
export async function floorBundle(): Promise<string> {
  const result = await build({ entryPoints: ['bench/poll-floor.ts'], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

/** A row with value and floor rounded to 0.1 and their ratio to 0.01. */
export function row(name: string, value: number, unit: string, floor: number): BenchRow {
  const round = (n: number) => Math.round(n * 10) / 10;
  return { name, value: round(value), unit, floor: round(floor), ratio: Math.round((value / floor) * 100) / 100 };
}
