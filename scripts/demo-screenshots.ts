// The headless half of `npm start`: screenshots of the options page, the popup and the reader showing the
// demo feeds, taken the way a user would get there (the reader is opened by clicking an entry in the popup).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOWCASE_TITLE } from '../demo/field-notes';
import { DEMO_FEEDS } from '../demo/routes';
import { PAGES, type ExtensionBrowser } from './chromium';

/** The popup's own size (body.popup in src/ui/styles.css), so the tab looks like the real popup. */
const POPUP_VIEWPORT = { width: 360, height: 540 };
const STEP_TIMEOUT = 15_000;

/** Write options.png, popup.png and reader.png into `dir`; returns their paths. */
export async function captureScreenshots(extension: ExtensionBrowser, options: Page, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files = { options: join(dir, 'options.png'), popup: join(dir, 'popup.png'), reader: join(dir, 'reader.png') };

  await step('options page lists the demo feeds', () => options.locator('ul.feeds > li').nth(DEMO_FEEDS.length - 1).waitFor({ timeout: STEP_TIMEOUT }));
  await options.screenshot({ path: files.options, fullPage: true });

  const popup = await extension.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(extension.url(PAGES.popup));
  const showcase = popup.locator('.entries button', { hasText: SHOWCASE_TITLE });
  await step('popup lists the demo entries', () => showcase.waitFor({ timeout: STEP_TIMEOUT }));
  await popup.screenshot({ path: files.popup });

  const readerOpened = extension.context.waitForEvent('page', { timeout: STEP_TIMEOUT });
  await showcase.click();
  const reader = await step('clicking an entry opens the reader', () => readerOpened);
  await step('reader shows every picture', () => loadAllImages(reader));
  await reader.screenshot({ path: files.reader, fullPage: true });
  return Object.values(files);
}

/** Scroll each `article img` into view (they are loading="lazy") and wait until all have loaded. */
async function loadAllImages(reader: Page): Promise<void> {
  const images = reader.locator('article img');
  await images.first().waitFor({ timeout: STEP_TIMEOUT });
  for (const image of await images.all()) await image.scrollIntoViewIfNeeded();
  // A failed candidate is `complete` with naturalWidth 0 until image-fallback.ts swaps in the next one.
  await reader.waitForFunction(() => [...document.querySelectorAll('article img')].every((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0), undefined, { timeout: STEP_TIMEOUT });
  await reader.evaluate(() => window.scrollTo(0, 0));
}

/** Run `action`, naming the step in the error when it fails. */
async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
