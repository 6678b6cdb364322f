// `npm run bench` (after the build): entry-point sizes, parse throughput, parse memory, reader render speed,
// polling in Chromium, an open options page during a round — each figure beside a reference measured in the same
// run — printed as a table and written to bench/results.json.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryBench } from './memory';
import { CORPUS, hasFeedparser, parseBench } from './parse';
import { haveSeeds, readerBench } from './reader';
import { optionsBench } from './options';
import { pollBench } from './poll';
import { popupBench } from './popup';
import type { BenchRow } from './row';
import { sizeBench } from './size';

const HERE = dirname(fileURLToPath(import.meta.url));

if (!existsSync(CORPUS)) console.log(`note: ${CORPUS} is missing, so the feedparser corpus rows are left out`);
if (!haveSeeds()) console.log('note: ../shared/seeds is missing, so the reader rows are left out');
if (!hasFeedparser()) console.log('note: Python feedparser is missing (Debian: apt-get install python3-feedparser), so its rows are left out');

const rows: BenchRow[] = [
  ...(await sizeBench(join(HERE, '..'))),
  ...(await parseBench()),
  ...memoryBench(),
  ...(await readerBench()),
  ...(await pollBench(join(HERE, '../dist'))),
  ...(await popupBench(join(HERE, '../dist'))),
  ...(await optionsBench(join(HERE, '../dist'))),
];
console.log(table(rows));
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`wrote ${rows.length} rows to bench/results.json`);

/** Rows as aligned text columns: name, value, unit, floor, ratio (2 decimals); numbers right-aligned. */
function table(data: BenchRow[]): string {
  const cells = data.map((row) => [row.name, String(row.value), row.unit, row.floor?.toString() ?? '', row.ratio?.toFixed(2) ?? '']);
  const all = [['name', 'value', 'unit', 'floor', 'ratio'], ...cells];
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...all.map((line) => line[column]?.length ?? 0)));
  const numeric = [false, true, false, true, true];
  return all
    .map((line) => line.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd())
    .join('\n');
}
