// One source, two builds: `dist/` for Chromium (service worker) and, with TARGET=firefox, `dist-firefox/`
// (background.scripts plus the gecko settings Firefox requires).
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

const firefox = process.env.TARGET === 'firefox';

/** The Firefox manifest: same pages and permissions, event-page background instead of a service worker. */
function firefoxManifest(): ManifestV3Export {
  const { background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      // 140 is the current ESR (Debian's firefox-esr) and the first desktop release that knows
      // data_collection_permissions; Android learned that key in 142, so it gets its own floor.
      gecko: {
        id: 'mirror-reader@mirror-reader.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

export default defineConfig({
  plugins: [crx({ manifest: firefox ? firefoxManifest() : (baseManifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    // Chromium and Firefox both support <link rel=modulepreload>: Vite's polyfill for it is dead weight in every page.
    modulePreload: { polyfill: false },
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The reader tab is not named in manifest.json, so it must be an explicit entry.
    rollupOptions: { input: { reader: 'src/pages/reader/index.html' } },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
