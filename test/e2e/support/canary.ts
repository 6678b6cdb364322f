// Detecting script execution in a page: a hook the payloads call (alert & co. record instead of showing a
// dialog), CSP violations as the page reports them, and a canary HTTP server that records every request
// with its Sec-Fetch-Dest (image, script, iframe, empty for fetch…), so a payload that loads anything
// other than a picture or media is seen even when it calls nothing.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** One request the canary saw. */
export interface CanaryHit {
  path: string;
  dest: string;
}

/** A running canary: its origin, what it saw, documents it serves by path. */
export interface Canary {
  origin: string;
  hits: CanaryHit[];
  pages: Map<string, { body: string; type: string }>;
  close(): Promise<void>;
}

/** Start the canary on 127.0.0.1 (port 0). Unknown paths answer 404 after being recorded (all but the favicon). */
export async function startCanary(): Promise<Canary> {
  const hits: CanaryHit[] = [];
  const pages = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    // The browser asks for /favicon.ico by itself for any page of this origin (the control page, the tab the
    // form opens), whenever it likes: that is no vector loading anything, so it is not a hit.
    if (path !== '/favicon.ico') hits.push({ path, dest: String(req.headers['sec-fetch-dest'] ?? '') });
    const page = pages.get(path);
    if (page) res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('canary');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    pages,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Where the shared XSS corpora live; the tests that need them are skipped, saying so, when it is absent. */
export const XSS_CORPORA = resolve('../shared/corpora/xss');
export const HAVE_XSS_CORPORA = existsSync(join(XSS_CORPORA, 'dompurify_expect.json'));

/** The shared XSS corpora (../shared/corpora/xss): DOMPurify's fixtures and feedparser's sanitize inputs. */
export function xssPayloads(): { name: string; html: string }[] {
  const folder = XSS_CORPORA;
  const dompurify = JSON.parse(readFileSync(join(folder, 'dompurify_expect.json'), 'utf8')) as { title: string; payload: string }[];
  const feedparser = JSON.parse(readFileSync(join(folder, 'feedparser_sanitize.json'), 'utf8')) as { file: string; input_html: string }[];
  return [
    ...dompurify.map((fixture, index) => ({ name: `dompurify #${index} ${fixture.title}`, html: fixture.payload })),
    ...feedparser.map((item) => ({ name: `feedparser ${item.file}`, html: item.input_html })),
  ];
}

/** `html` with every absolute or protocol-relative http(s) address moved onto the canary (path kept). */
export function pointAtCanary(html: string, canary: string): string {
  return html.replace(/(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?/gi, (_match, host: string) => `${canary}/canary/${host}`);
}

/** What the hook and the CSP listener caught in a page so far. */
export interface PageAudit {
  calls: string[];
  violations: string[];
}

/** Install the hook (alert, confirm, prompt, print, __xss record their first argument) and the CSP listener. */
export async function installHook(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { __audit?: { calls: string[]; violations: string[] } };
    if (w.__audit) return;
    const audit = { calls: [] as string[], violations: [] as string[] };
    w.__audit = audit;
    // Returns nothing, as alert() does: a javascript: URL whose value is a string would replace the page.
    const hook = (value?: unknown) => {
      audit.calls.push(String(value));
    };
    for (const name of ['__xss', 'alert', 'confirm', 'prompt', 'print']) w[name] = hook;
    document.addEventListener('securitypolicyviolation', (event) => audit.violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
}

/** The page's audit so far, emptied (`take`) or not. */
export function audit(page: Page, take = false): Promise<PageAudit> {
  return page.evaluate((take) => {
    const found = (window as unknown as { __audit?: PageAudit }).__audit;
    const copy = { calls: [...(found?.calls ?? [])], violations: [...(found?.violations ?? [])] };
    if (take && found) found.calls.length = found.violations.length = 0;
    return copy;
  }, take);
}

/**
 * Put each batch of raw HTML into `selector` with createContextualFragment (which, unlike innerHTML, runs
 * the scripts it creates), then let the page settle: every picture loaded or failed, and a few frames.
 */
export async function injectRaw(page: Page, selector: string, batches: string[][]): Promise<void> {
  await page.evaluate(
    async ({ selector, batches }) => {
      const container = document.querySelector(selector);
      if (!container) throw new Error(`no ${selector}`);
      // Tasks, not animation frames: a tab in the background gets no frames.
      const frame = () => new Promise<void>((done) => setTimeout(done, 0));
      for (const batch of batches) {
        const range = document.createRange();
        range.selectNodeContents(container);
        container.replaceChildren(...batch.map((html) => range.createContextualFragment(`<div>${html}</div>`)));
        const deadline = performance.now() + 3000;
        do await frame();
        while ([...container.querySelectorAll('img')].some((img) => !img.complete) && performance.now() < deadline);
        await frame();
        await frame();
      }
    },
    { selector, batches },
  );
}

/** `items` in groups of `size`. */
export function batchesOf<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}
