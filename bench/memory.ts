// Parse memory: parseFeed vs feedsmith alone on the generated 5 MB RSS, each measured three times in a fresh
// process (bench/memory-child.ts), reported as the median with the spread of the three beside it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRss } from './parse-fixture';
import { median, type BenchRow } from './row';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = 3;

interface Sample {
  peak: number;
  retained: number;
}

/** Memory rows: peak and retained bytes of parseFeed against feedsmith alone, plus how far the runs spread. */
export function memoryBench(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
  try {
    return [true, false].flatMap((relative) => {
      const path = join(dir, 'feed.xml');
      writeFileSync(path, generateRss(2000, relative));
      const ours: Sample[] = [];
      const library: Sample[] = [];
      // Interleaved, so a slow drift in the machine's state touches both parsers alike.
      for (let run = 0; run < RUNS; run++) {
        ours.push(measure('parseFeed', path));
        library.push(measure('feedsmith', path));
      }
      const label = `5 MB RSS, ${relative ? 'relative' : 'absolute'} URLs`;
      return [
        ...compare(`parseFeed peak memory, ${label}, vs feedsmith alone`, ours, library, 'peak'),
        ...compare(`parseFeed result kept in memory, ${label}, vs feedsmith alone`, ours, library, 'retained'),
      ];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(parser: string, path: string): Sample {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(HERE, 'memory-child.ts'), parser, path], {
    encoding: 'utf8',
    cwd: join(HERE, '..'),
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
}

function compare(name: string, ours: Sample[], library: Sample[], key: keyof Sample): BenchRow[] {
  const value = median(ours.map((sample) => sample[key]));
  const floor = median(library.map((sample) => sample[key]));
  const spread = Math.max(...[ours, library].map((samples) => spreadOf(samples.map((sample) => sample[key]))));
  return [
    { name: `${name}, median of ${RUNS} runs`, value: mb(value), unit: 'MB', floor: mb(floor), ratio: round(value / floor) },
    { name: `${name}: (max − min) / median of the ${RUNS} runs, wider parser`, value: round(spread * 100), unit: '%' },
  ];
}

function spreadOf(values: number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

const mb = (bytes: number) => round(bytes / 1e6);
const round = (n: number) => Math.round(n * 100) / 100;
