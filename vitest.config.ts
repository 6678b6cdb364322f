// Three suites: `unit` (fast, fake-indexeddb; DOMPurify files opt into jsdom per file), `e2e` (real
// Chromium and Firefox against the built extension) and `corpus` (conformance on ../shared/corpora).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['fake-indexeddb/auto'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Browsers are heavy on 2 cores: one file at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], environment: 'node', testTimeout: 300_000 },
      },
    ],
  },
});
