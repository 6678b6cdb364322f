// Parse throughput: parseFeed vs feedsmith alone vs Python feedparser, side by side in one run, on a
// generated 5 MB RSS (2,000 entries) and on the whole feedparser corpus (when ../shared is present).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { parseFeed } from '../src/feeds/index';
import { generateRss } from './parse-fixture';
import { median, type BenchRow } from './row';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The feedparser corpus; when it is missing, its rows are left out. */
export const CORPUS = resolve(HERE, '../../shared/corpora/feedparser/tests');
// Debian's python3-feedparser lives in the system interpreter, not in a pyenv shim.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Whether the system Python can import feedparser; without it the Python rows are left out. */
export function hasFeedparser(): boolean {
  return spawnSync(PYTHON, ['-c', 'import feedparser']).status === 0;
}

interface Timing {
  seconds: number;
  docs: number;
  bytes: number;
}

/** All bench rows for parsing. */
export async function parseBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parse-bench-'));
  const rows: BenchRow[] = [];
  const withPython = hasFeedparser();
  for (const relative of [true, false]) {
    const path = join(dir, relative ? 'relative.xml' : 'absolute.xml');
    const big = new TextEncoder().encode(generateRss(2000, relative));
    writeFileSync(path, big);
    rows.push(...compare(`5 MB RSS, 2,000 entries, ${relative ? 'relative' : 'absolute'} URLs`, [big], 11, withPython ? () => python(2, [path]) : undefined));
  }
  if (existsSync(CORPUS)) {
    const files = xmlFilesUnder(CORPUS);
    const listing = join(dir, 'corpus.txt');
    writeFileSync(listing, files.join('\n'));
    rows.push(...compare(`feedparser corpus, ${files.length} files`, files.map((file) => new Uint8Array(readFileSync(file))), 7, withPython ? () => python(2, [`@${listing}`]) : undefined));
  }
  return rows;
}

function compare(label: string, bodies: Uint8Array[], rounds: number, runPython?: () => Timing): BenchRow[] {
  const [ours, library, events] = timeInterleaved(bodies, rounds, [
    (body) => parseFeed(body, { url: 'https://example.com/feed.xml' }),
    (body) => feedsmithParse(new TextDecoder().decode(body)),
    // The tokenizer parseFeed is built on, events only: the floor for any pipeline on top of it.
    (body) => new Parser({}, { xmlMode: true, recognizeCDATA: true }).end(new TextDecoder().decode(body)),
  ]) as [Timing, Timing, Timing];
  const py = runPython?.();
  const mbps = (t: Timing) => t.bytes / 1e6 / t.seconds;
  const dps = (t: Timing) => t.docs / t.seconds;
  const msPerRound = (t: Timing) => ((t.seconds * 1000) / t.docs) * bodies.length;
  return [
    ...(py ? [row(`parseFeed ${label} vs Python feedparser`, mbps(ours), 'MB/s', mbps(py)), row(`parseFeed ${label} vs Python feedparser`, dps(ours), 'docs/s', dps(py))] : []),
    row(`parseFeed ${label} vs feedsmith alone`, mbps(ours), 'MB/s', mbps(library)),
    row(`parseFeed ${label} vs feedsmith alone`, dps(ours), 'docs/s', dps(library)),
    // Goal ≤ 1.25: the whole pipeline may cost at most 25% more than the parser library alone.
    row(`parseFeed time over feedsmith-alone time, ${label}`, msPerRound(ours), 'ms', msPerRound(library)),
    row(`parseFeed time over htmlparser2 events-only time, ${label}`, msPerRound(ours), 'ms', msPerRound(events)),
  ];
}

/** Each contender's median round over `bodies`. Rounds alternate between contenders, so a load spike on this
 * shared 2-core machine hits all of them alike instead of skewing one ratio. */
function timeInterleaved(bodies: Uint8Array[], rounds: number, contenders: ((body: Uint8Array) => unknown)[]): Timing[] {
  const swallow = (parse: (body: Uint8Array) => unknown, body: Uint8Array) => {
    try {
      parse(body);
    } catch {
      // Broken corpus files are part of the workload: refusing one costs time like parsing does.
    }
  };
  for (const parse of contenders) for (const body of bodies) swallow(parse, body); // warm-up
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((parse, index) => {
      const start = performance.now();
      for (const body of bodies) swallow(parse, body);
      samples[index]!.push((performance.now() - start) / 1000);
    });
  }
  const bytes = bodies.reduce((sum, body) => sum + body.byteLength, 0);
  return samples.map((seconds) => ({ seconds: median(seconds), docs: bodies.length, bytes }));
}

function python(rounds: number, args: string[]): Timing {
  const out = execFileSync(PYTHON, [join(HERE, 'parse-feedparser.py'), String(rounds), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Timing;
}

function row(name: string, value: number, unit: string, floor: number): BenchRow {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, value: round(value), unit, floor: round(floor), ratio: round(value / floor) };
}

function xmlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xmlFilesUnder(path) : path.endsWith('.xml') ? [path] : [];
  });
}
