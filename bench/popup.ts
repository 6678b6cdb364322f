// Popup rows, each beside a floor from the same browser: navigation → first painted entry with 100,000 unread
// entries against the same popup with an empty library; search latency (Enter → first result painted) for a
// Chinese and an English word of article text against switching to the All view; and the worker indexing
// those 100,000 entries against writing them. Entries are written through the extension's Dexie code in an
// extension page; their sentences come from ../shared (the seeds and the sample feeds).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { command, launchWithExtension, PAGES } from '../scripts/chromium';
import { parseFeed } from '../src/feeds/index';
import { htmlToText } from '../src/feeds/html-text';
import { SEGMENT_SIZE } from '../src/search/segment';
import { median, type BenchRow } from './row';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(HERE, '../../shared');
/** Entries in the library; and the words searched for, which occur in article text. */
const ENTRIES = 100_000;
/** Entries written, then indexed, for the index-cost row. */
const INDEXED = 20_000;
const WORDS = { cjk: '互联互通', english: 'privacy' };

/** Sentences of the English sample feeds and the Chinese seeds. */
export function sentencePool(): { en: string[]; zh: string[] } {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  const en: string[] = [];
  for (const file of files(join(SHARED, 'corpora/sample-feeds/content/real-world')).filter((name) => !name.endsWith('.md'))) {
    try {
      for (const entry of parseFeed(readFileSync(file), { url: 'https://example.com/' }).entries) en.push(...htmlToText(entry.contentHtml ?? entry.summaryHtml ?? '').split(/(?<=[.!?])\s+/));
    } catch {
      // Not every sample is a feed the parser accepts; the others are enough.
    }
  }
  const zh = files(join(SHARED, 'seeds')).flatMap((file) => htmlToText(readFileSync(file, 'utf8')).split(/(?<=[。！？])/));
  return { en: en.filter((text) => text.length > 10), zh: zh.filter((text) => text.length > 10) };
}

// The page functions are passed as text: the TypeScript runner would otherwise wrap their inner functions in a
// helper (__name) that does not exist in the page.

/** Milliseconds from navigation to the frame after `selector` first appears. */
async function paintTime(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  return Number(await page.evaluate(`new Promise((done) => { const check = () => document.querySelector(${JSON.stringify(selector)}) ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(check); check(); })`));
}

/** Milliseconds from a search (Enter in the field) or a click on All to the frame where its first row is painted. */
async function actionTime(page: Page, action: 'search' | 'all', query = ''): Promise<number> {
  const act =
    action === 'search'
      ? `const input = document.querySelector('input[type="search"]'); input.value = ${JSON.stringify(query)}; input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`
      : `[...document.querySelectorAll('button')].find((button) => button.textContent === 'All').click();`;
  const wanted = action === 'search' ? 'ul[aria-label="Search results"] li .title' : 'ul[aria-label="All entries"] li .title';
  return Number(
    await page.evaluate(`(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const started = performance.now();
      ${act}
      while (!document.querySelector(${JSON.stringify(wanted)})) await frame();
      await frame();
      return performance.now() - started;
    })()`),
  );
}

/** The popup bench rows. */
export async function popupBench(dist: string): Promise<BenchRow[]> {
  if (!existsSync(join(SHARED, 'seeds'))) {
    console.log(`note: ${SHARED}/seeds is missing, so the popup rows (which need its article text) are left out`);
    return [];
  }
  const code = (await build({ entryPoints: [join(HERE, 'popup-seed.ts')], bundle: true, format: 'iife', write: false, logLevel: 'silent' })).outputFiles[0]!.text;
  const ext = await launchWithExtension(dist);
  try {
    const page = await ext.context.newPage();
    const pool = sentencePool();
    const popup = ext.url(PAGES.popup);
    const empty: number[] = [];
    for (let round = 0; round < 5; round++) empty.push(await paintTime(page, popup, '.empty'));

    const note = (what: string) => process.stderr.write(`popup bench: ${what}\n`);
    const load = () => page.evaluate(`const POOL = ${JSON.stringify(pool)};\n${code}`);
    const bench = 'globalThis.BENCH';
    await load();
    // The write and index cost on a database of its own, which no worker indexes meanwhile.
    note(`writing and indexing ${INDEXED} entries`);
    const writeMs = Number(await page.evaluate(`${bench}.seedLibrary(${INDEXED}, 'bench-index')`));
    const indexMs = Number(await page.evaluate(`${bench}.indexNow('bench-index')`));
    note(`writing ${ENTRIES} entries`);
    await page.evaluate(`${bench}.seedLibrary(${ENTRIES})`);
    note('waiting for the worker to index them');
    // The popup is measured once the worker has indexed everything. A command wakes a worker the browser
    // stopped while the page was writing (in use, the worker writes entries itself and is awake).
    await command(page, 'update-settings', { patch: {} });
    const segments = Math.ceil((ENTRIES + 1) / SEGMENT_SIZE);
    for (let indexed = 0, polls = 0; indexed < segments; polls++) {
      indexed = Number(await page.evaluate(`${bench}.indexedSegments()`));
      if (polls % 20 === 0) note(`${indexed} of ${segments} segments indexed`);
      await new Promise((done) => setTimeout(done, 500));
    }

    const full: number[] = [];
    for (let round = 0; round < 5; round++) full.push(await paintTime(page, popup, '.entries li .title'));
    const cjk: number[] = [];
    const english: number[] = [];
    const view: number[] = [];
    for (let round = 0; round < 5; round++) {
      await page.goto(popup);
      await page.locator('.entries li .title').first().waitFor();
      view.push(await actionTime(page, 'all'));
      cjk.push(await actionTime(page, 'search', WORDS.cjk));
      await page.goto(popup);
      await page.locator('.entries li .title').first().waitFor();
      english.push(await actionTime(page, 'search', WORDS.english));
    }
    const row = (name: string, value: number, floor: number): BenchRow => ({ name, value: Math.round(value), unit: 'ms', floor: Math.round(floor), ratio: Math.round((value / floor) * 100) / 100 });
    return [
      row(`popup navigation → first painted entry, ${ENTRIES} unread entries, vs the popup with none (median of 5)`, median(full), median(empty)),
      row(`search "${WORDS.cjk}" (Chinese, in article text), Enter → first result painted, ${ENTRIES} entries, vs switching to All (median of 5)`, median(cjk), median(view)),
      row(`search "${WORDS.english}" (English, in article text), Enter → first result painted, ${ENTRIES} entries, vs switching to All (median of 5)`, median(english), median(view)),
      row(`search indexer over ${INDEXED} entries (deferred, after ingest) vs writing them with bodies and counts`, indexMs, writeMs),
    ];
  } finally {
    await ext.close();
  }
}
