// Reader render speed in real Chromium: sanitize + rewrite + render (reader-page.ts) of seed 000's article and of a
// generated 1 MB article, each beside DOMPurify.sanitize alone on the same input in the same page (goal ≤ 1.5×).
// Rounds alternate between the two, and each reports its median round.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseFeed } from '../src/feeds/index';
import type { SanitizeContext } from '../src/ui/sanitize';
import { CHROMIUM_PATH } from '../scripts/chromium';
import { median, type BenchRow } from './row';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEEDS = join(HERE, '../../shared/seeds');

interface Input {
  label: string;
  html: string;
  context: SanitizeContext;
  /** Runs per round (small inputs need many to be timed at all), and rounds. */
  runs: number;
  rounds: number;
}

/** Seed 000's article as the parser stores it, with its address and CDN map. */
function seedArticle(): { html: string; context: SanitizeContext } {
  const record = parseFeed(new Uint8Array(readFileSync(join(SEEDS, '000_82cd27bd64ef1596.txt'))), { url: 'http://blog.sina.com.cn/rss/cnnic2008.xml' });
  const entry = record.entries[0]!;
  return { html: entry.contentHtml ?? '', context: { baseUrl: entry.url, imageMap: entry.imageMap } };
}

/** About 1 MB (UTF-8) of real mirrored markup: seeds 000, 002 and 003 one after another, repeated. */
export function megabyteArticle(): string {
  const post = (file: string) => readFileSync(join(SEEDS, file), 'utf8').replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  const unit = [seedArticle().html, post('002_8f09e6c303b3c32b.txt'), post('003_3b3ca1c3ec97040c.txt')].join('\n');
  const parts: string[] = [];
  let bytes = 0;
  for (let copy = 0; bytes < 1_000_000; copy++) {
    // Numbered sections, so no two copies are the same text.
    const section = `<h2>Part ${copy + 1}</h2>\n${unit}`;
    parts.push(section);
    bytes += Buffer.byteLength(section);
  }
  return parts.join('\n');
}

/** Whether the seeds are there; without them the reader rows are left out. */
export function haveSeeds(): boolean {
  return existsSync(join(SEEDS, '000_82cd27bd64ef1596.txt'));
}

/** Both rows per input: ours against DOMPurify alone. */
export async function readerBench(): Promise<BenchRow[]> {
  if (!haveSeeds()) return [];
  const bundle = await build({ entryPoints: [join(HERE, 'reader-page.ts')], bundle: true, format: 'esm', write: false, target: 'es2022', plugins: [noExtensionApi] });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><main><article></article></main><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  // Pictures in the article point at the web: every host but 127.0.0.1 fails at once, nothing leaves the machine.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'bench' in window);
    const seed = seedArticle();
    const inputs: Input[] = [
      { label: "seed 000's article", ...seed, runs: 40, rounds: 15 },
      { label: 'a generated 1 MB article', html: megabyteArticle(), context: {}, runs: 1, rounds: 11 },
    ];
    const rows: BenchRow[] = [];
    for (const input of inputs) {
      const times = { reader: [] as number[], dompurify: [] as number[] };
      for (let round = 0; round < input.rounds; round++) {
        for (const contender of ['reader', 'dompurify'] as const) {
          times[contender].push(await page.evaluate(({ contender, html, context, runs }) => (window as unknown as { bench: { time(...args: unknown[]): number } }).bench.time(contender, html, context, runs), { contender, html: input.html, context: input.context, runs: input.runs }));
        }
      }
      const [ours, floor] = [median(times.reader), median(times.dompurify)];
      const kb = Math.round(Buffer.byteLength(input.html) / 1024);
      rows.push({ name: `reader sanitize + rewrite + render of ${input.label} (${kb} KB) vs DOMPurify.sanitize alone`, value: round3(ours), unit: 'ms', floor: round3(floor), ratio: Math.round((ours / floor) * 100) / 100 });
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The page has no extension APIs: the one the fallbacks' i18n import would reach is a stub that names the key. */
const noExtensionApi: Plugin = {
  name: 'no-extension-api',
  setup(builder) {
    builder.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'webextension-polyfill', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { i18n: { getMessage: (key) => key, getUILanguage: () => "en" } };', loader: 'js' }));
  },
};
