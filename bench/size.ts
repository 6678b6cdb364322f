// Entry-point sizes: the gzip size of everything each entry of the built extension loads before it runs
// (its own file, every chunk reached through static imports, and for pages the HTML's scripts and
// stylesheets), each file counted once; beside it, the same source bundled by esbuild as the reference.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ImportType, init, parse } from 'es-module-lexer';
import { esbuildOutputs } from './size-floor';
import type { BenchRow } from './row';

/** Entry names and their files, relative to a build or to the project (both manifests have the same shape). */
export type EntryPoints = Record<'worker' | 'popup' | 'reader' | 'options', string>;

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
}

/** Reads the four entry points from `dir`/manifest.json; the reader is not in the manifest, so its path is fixed. */
export function entryPoints(dir: string): EntryPoints {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const found = {
    worker: manifest.background?.service_worker ?? manifest.background?.scripts?.[0],
    popup: manifest.action?.default_popup,
    // Listed in vite.config.ts's rollupOptions.input, not in the manifest.
    reader: 'src/pages/reader/index.html',
    options: manifest.options_ui?.page,
  };
  for (const [name, path] of Object.entries(found)) if (!path) throw new Error(`${dir}/manifest.json names no ${name} entry`);
  return found as EntryPoints;
}

/** Every file (absolute path) `entry` loads before it runs: itself, then what it pulls in, each once. */
export async function entryFiles(dist: string, entry: string): Promise<string[]> {
  await init;
  const root = resolve(dist);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of references(file)) visit(local(root, file, specifier));
  };
  const start = join(root, entry);
  if (!existsSync(start)) throw new Error(`entry ${entry} is missing from ${root}`);
  visit(start);
  return [...seen];
}

/** The local scripts and stylesheets an HTML page names (`<script src>`, `<link href>`), as written. */
export function pageReferences(html: string): string[] {
  const pattern = /<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref)\s*=\s*["']([^"']+)["']/gi;
  return [...html.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Specifiers `file` loads at start-up; dynamic `import()` is left out because it runs later, if ever. */
function references(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) return pageReferences(text);
  if (!/\.m?js$/.test(file)) return []; // CSS, images: leaves
  // A lexer, not a regex: import-like text inside string literals or comments must not count.
  const [imports] = parse(text, file);
  return imports.filter((item) => item.t === ImportType.Static && item.n !== undefined).map((item) => item.n as string);
}

/** Resolves a specifier written in `from` to a file of the build, or says why it cannot. */
function local(root: string, from: string, specifier: string): string {
  const name = relative(root, from);
  if (!/^\.{0,2}\//.test(specifier)) throw new Error(`${name} loads "${specifier}", which is not a path inside the build`);
  // Vite writes page assets root-relative ("/assets/x.js"): the extension's root is the build folder.
  const path = specifier.startsWith('/') ? join(root, specifier) : resolve(dirname(from), specifier);
  if (!path.startsWith(root + sep)) throw new Error(`${name} loads "${specifier}", which is outside ${root}`);
  if (!existsSync(path)) throw new Error(`${name} imports "${specifier}", but ${relative(root, path)} is missing from ${root}`);
  return path;
}

/** Gzip size (level 9) of some bytes. */
export function gzipBytes(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength;
}

/** Size rows: each entry of dist/ against esbuild's bundle of its source, then the whole of dist/ and dist-firefox/. */
export async function sizeBench(project: string): Promise<BenchRow[]> {
  const dist = join(project, 'dist');
  const built = entryPoints(dist);
  const source = entryPoints(project);
  const rows: BenchRow[] = [];
  for (const name of ['worker', 'popup', 'reader', 'options'] as const) {
    const files = await entryFiles(dist, built[name]);
    const value = files.reduce((sum, file) => sum + gzipBytes(readFileSync(file)), 0);
    const floor = await sourceFloor(project, source[name]);
    const what = name === 'worker' ? 'loader + chunks it imports' : 'HTML + the scripts, CSS and chunks it loads';
    rows.push({ name: `${name} gzip, ${what}, vs its source as one esbuild bundle`, value, unit: 'B', floor, ratio: round(value / floor) });
    if (name === 'popup') rows.push(popupScripts(files, await sourceFloor(project, source[name], true)));
  }
  const chromium = folderGzip(dist);
  const firefox = folderGzip(join(project, 'dist-firefox'));
  rows.push({ name: 'dist/ total gzip, every file compressed alone as in the packed zip', value: chromium, unit: 'B' });
  rows.push({ name: 'dist-firefox/ total gzip vs dist/, same source with the Firefox manifest', value: firefox, unit: 'B', floor: chromium, ratio: round(firefox / chromium) });
  return rows;
}

/**
 * The reference for one entry: its source bundled and minified by esbuild into one file (no shared chunks, no
 * module-preload helper), plus its source HTML for pages, gzipped the same way. A build tool's splitting and
 * runtime helpers show up as a ratio above 1; the two minifiers differ a little either way.
 */
async function sourceFloor(project: string, entry: string, scriptsOnly = false): Promise<number> {
  const path = join(project, entry);
  if (!entry.endsWith('.html')) return sum((await esbuildOutputs([path])).map(gzipBytes));
  const html = readFileSync(path);
  const scripts = pageReferences(html.toString('utf8')).map((script) => resolve(dirname(path), script));
  return (scriptsOnly ? 0 : gzipBytes(html)) + sum((await esbuildOutputs(scripts, scriptsOnly)).map(gzipBytes));
}

/** Issue 9's budget row: the JavaScript the popup runs before its first paint (goal ≤ 60 KB gzip); what it loads on demand, such as search, is left out. */
function popupScripts(files: string[], floor: number): BenchRow {
  const value = sum(files.filter((file) => file.endsWith('.js')).map((file) => gzipBytes(readFileSync(file))));
  return { name: 'popup start-up JavaScript gzip (goal ≤ 60 KB), vs its scripts as one esbuild bundle', value, unit: 'B', floor, ratio: round(value / floor) };
}

function folderGzip(dir: string): number {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run build first`);
  return sum(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isFile())
      .map((path) => gzipBytes(readFileSync(path))),
  );
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const round = (n: number) => Math.round(n * 100) / 100;
