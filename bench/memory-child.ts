// One memory measurement in a fresh process (run with --expose-gc): parse the file named in argv once with
// the parser named in argv, print the memory it held at its peak and what the result keeps, in bytes, as JSON.
import { readFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseFeed } from '../src/feeds/index';

const [which, path] = process.argv.slice(2);
const gc = globalThis.gc;
if (!gc || !path) throw new Error('usage: node --expose-gc --import tsx bench/memory-child.ts parseFeed|feedsmith FILE');
// Both start from bytes, as the worker does: decoding the document is part of the cost.
const parsers: Record<string, (body: Uint8Array) => unknown> = {
  parseFeed: (body) => parseFeed(body, { url: 'https://example.com/feed.xml' }),
  feedsmith: (body) => feedsmithParse(new TextDecoder().decode(body)),
};
const parse = parsers[which ?? ''];
if (!parse) throw new Error(`unknown parser ${which}`);
const body: Uint8Array = readFileSync(path);

/** JS heap plus memory outside it (array buffers, external strings), in bytes. */
function used(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/**
 * Collects garbage, after a regex on a short string: V8 keeps the subject of the last regex match alive, which
 * would otherwise hold a whole decoded document on either side of the measurement.
 */
function settle(collect: () => void): void {
  /x/.exec('x');
  collect();
  collect();
}

parse(body); // warm-up: compiled code and lazily built tables are not the parse's own memory
settle(gc);
const base = used();
const profiler = new GCProfiler();
profiler.start();
const result = parse(body);
const end = used();
// Memory peaks just before a collection; the profiler records what was in use at each one.
const before = (profiler.stop()?.statistics ?? []).map(({ beforeGC: { heapStatistics: heap } }) => heap.usedHeapSize + heap.externalMemory);
settle(gc);
const retained = used() - base;
// Reading the result after the collections keeps it alive through them.
if (result === undefined) throw new Error('no result');
process.stdout.write(`${JSON.stringify({ peak: Math.max(end, ...before) - base, retained })}\n`);
