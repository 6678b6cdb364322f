// The size bench's import following, on tiny fake builds written to a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryFiles, entryPoints, pageReferences } from '../../../bench/size';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

/** Writes `files` (path → text) into a fresh folder and returns it. */
function fakeBuild(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'size-test-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function loaded(root: string, entry: string): Promise<string[]> {
  return (await entryFiles(root, entry)).map((file) => relative(root, file));
}

describe('entryFiles', () => {
  it('follows static imports and re-exports recursively, counting a chunk imported twice once', async () => {
    const root = fakeBuild({
      'loader.js': "import './assets/main.js';\n",
      'assets/main.js': 'import{a as e}from"./shared.js";import"./polyfill.js";export{b}from"./util.js";e();',
      'assets/polyfill.js': 'import{a}from"./shared.js";a();',
      'assets/shared.js': 'export const a=()=>1;',
      'assets/util.js': 'export const b=2;',
      'assets/unused.js': 'export const c=3;',
    });
    expect(await loaded(root, 'loader.js')).toEqual(['loader.js', 'assets/main.js', 'assets/shared.js', 'assets/polyfill.js', 'assets/util.js']);
  });

  it('leaves out dynamic imports and import-like text inside strings and comments', async () => {
    const root = fakeBuild({
      'entry.js': 'const s=`import "./ghost.js"`;/* import "./ghost2.js" */const later=()=>import("./lazy.js");',
      'lazy.js': 'export default 1;',
    });
    expect(await loaded(root, 'entry.js')).toEqual(['entry.js']);
  });

  it('ends on import cycles', async () => {
    const root = fakeBuild({ 'a.js': 'import"./b.js";', 'b.js': 'import"./a.js";' });
    expect(await loaded(root, 'a.js')).toEqual(['a.js', 'b.js']);
  });

  it('takes a page with its root-relative script, preloads and stylesheet, then their imports', async () => {
    const root = fakeBuild({
      'src/pages/popup/index.html':
        '<script type="module" crossorigin src="/assets/popup.js"></script>\n<link rel="modulepreload" href="/assets/vendor.js">\n<link rel="stylesheet" href="/assets/style.css">',
      'assets/popup.js': 'import{h}from"./vendor.js";import{t}from"./time.js";',
      'assets/vendor.js': 'export const h=1;',
      'assets/time.js': 'import{h}from"./vendor.js";export const t=h;',
      'assets/style.css': 'body{margin:0}',
    });
    expect((await loaded(root, 'src/pages/popup/index.html')).sort()).toEqual(
      ['assets/popup.js', 'assets/style.css', 'assets/time.js', 'assets/vendor.js', 'src/pages/popup/index.html'].sort(),
    );
  });

  it('throws, naming both files, when an imported chunk is missing', async () => {
    const root = fakeBuild({ 'entry.js': 'import"./assets/a.js";', 'assets/a.js': 'import{x}from"./gone.js";' });
    await expect(entryFiles(root, 'entry.js')).rejects.toThrow('assets/a.js imports "./gone.js", but assets/gone.js is missing');
  });

  it('throws on a bare specifier or a path leaving the build', async () => {
    const bare = fakeBuild({ 'entry.js': 'import{h}from"preact";' });
    await expect(entryFiles(bare, 'entry.js')).rejects.toThrow('entry.js loads "preact", which is not a path inside the build');
    const outside = fakeBuild({ 'entry.js': 'import"../outside.js";' });
    await expect(entryFiles(outside, 'entry.js')).rejects.toThrow('which is outside');
  });

  it('throws when the entry itself is missing', async () => {
    await expect(entryFiles(fakeBuild({}), 'service-worker-loader.js')).rejects.toThrow('entry service-worker-loader.js is missing');
  });
});

describe('pageReferences', () => {
  it('reads script src and link href with either quote, ignoring other tags', () => {
    const html = `<script src='/a.js'></script><link rel="icon" href="/i.png"><img src="/x.png"><a href="/y.html">`;
    expect(pageReferences(html)).toEqual(['/a.js', '/i.png']);
  });
});

describe('entryPoints', () => {
  it('reads the Chromium worker, the Firefox background script, popup and options; the reader path is fixed', () => {
    const chromium = fakeBuild({
      'manifest.json': JSON.stringify({ background: { service_worker: 'loader.js' }, action: { default_popup: 'p.html' }, options_ui: { page: 'o.html' } }),
    });
    expect(entryPoints(chromium)).toEqual({ worker: 'loader.js', popup: 'p.html', reader: 'src/pages/reader/index.html', options: 'o.html' });
    const firefox = fakeBuild({
      'manifest.json': JSON.stringify({ background: { scripts: ['bg.js'] }, action: { default_popup: 'p.html' }, options_ui: { page: 'o.html' } }),
    });
    expect(entryPoints(firefox).worker).toBe('bg.js');
  });

  it('throws when the manifest names no popup', () => {
    const root = fakeBuild({ 'manifest.json': JSON.stringify({ background: { service_worker: 'w.js' }, options_ui: { page: 'o.html' } }) });
    expect(() => entryPoints(root)).toThrow('names no popup entry');
  });
});
