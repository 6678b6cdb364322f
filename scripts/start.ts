// `npm start` (after the build): serve the demo feeds on 127.0.0.1, launch Chromium with dist/ subscribed to
// them, then either stay open until the window is closed (with a display) or write screenshots of options,
// popup and reader to artifacts/ and exit (headless: no DISPLAY/WAYLAND_DISPLAY, or CI, or HEADLESS=1).
import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, launchWithExtension, PAGES, type ExtensionBrowser } from './chromium';
import { captureScreenshots } from './demo-screenshots';
import { startDemoServer, type DemoServer } from './demo-server';
import { subscribeAll } from './demo-subscribe';

const DIST = 'dist';
const ARTIFACTS = 'artifacts';
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || Boolean(process.env.CI) || process.env.HEADLESS === '1';

const started = performance.now();
let demo: DemoServer | undefined;
let extension: ExtensionBrowser | undefined;
try {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error(`No build in ${DIST}/: run \`npm run build\` first (npm start does).`);
  demo = await startDemoServer();
  console.log(`Demo feed server: ${demo.server.origin}/`);
  extension = await launchWithExtension(DIST, { headless });
  const options = await subscribeAll(extension, demo.feedUrls);
  if (headless) {
    const files = await captureScreenshots(extension, options, ARTIFACTS);
    console.log(`Screenshots: ${files.join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    console.log(`Chromium is open with Mirror Reader subscribed to ${demo.feedUrls.length} demo feeds (options page: ${extension.url(PAGES.options)}).`);
    console.log('Open the popup from the toolbar\'s extensions menu or with Alt+Shift+M. Close the browser window or press Ctrl-C to stop.');
    await untilClosed(extension.context);
  }
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await extension?.close().catch(() => undefined);
  await demo?.server.close();
}

/** Resolves when the browser goes away or the user interrupts. */
function untilClosed(context: BrowserContext): Promise<void> {
  return new Promise((resolve) => {
    context.once('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
