// Launch Debian's Chromium with an unpacked build of the extension, the way the tests and `npm start` do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { CommandName, Commands, Result } from '../src/shared/messages';

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The extension's pages, as built (vite.config.ts and manifest.json). */
export const PAGES = {
  popup: 'src/pages/popup/index.html',
  options: 'src/pages/options/index.html',
  reader: 'src/pages/reader/index.html',
} as const;

/** A browser with the extension loaded, its service worker and id, and a cleanup. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The fresh profile folder (Chromium writes DevToolsActivePort there when asked for a debugging port). */
  profile: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  close(): Promise<void>;
}

/** Start Chromium with `dist` loaded, in a fresh profile. English UI unless `lang` says otherwise; `args` are
 * extra command-line switches (a test's host resolver rules, say). */
export async function launchWithExtension(dist: string, options: { headless?: boolean; lang?: string; args?: string[] } = {}): Promise<ExtensionBrowser> {
  const extension = resolve(dist);
  const profile = mkdtempSync(join(tmpdir(), 'mirror-reader-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en-US'}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The id depends on the folder the extension was loaded from: read it, never hard-code it.
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profile,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Send a command to the worker from an extension page, as the pages do. */
export async function command<K extends CommandName>(page: Page, type: K, payload: Commands[K]['req']): Promise<Result<Commands[K]['res']>> {
  // `chrome` exists only in the page; the function runs there, not in Node.
  const reply = await page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
    { type, payload },
  );
  return reply as Result<Commands[K]['res']>;
}
