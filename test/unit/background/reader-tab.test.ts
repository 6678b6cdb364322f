import { beforeEach, describe, expect, it, vi } from 'vitest';

const BASE = 'chrome-extension://ext-id/';
const api = vi.hoisted(() => ({
  runtime: { getURL: (path: string) => `chrome-extension://ext-id/${path}`, getContexts: undefined as undefined | ((filter: unknown) => Promise<unknown[]>) },
  tabs: { create: vi.fn(async () => ({})), update: vi.fn(async () => ({})), query: vi.fn(async (): Promise<unknown[]> => []) },
  windows: { update: vi.fn(async () => ({})) },
}));
vi.mock('webextension-polyfill', () => ({ default: api }));

const { openReaderTab } = await import('../../../src/background/reader-tab');
const readerAt = (id: number) => `${BASE}src/pages/reader/index.html#entry=${id}`;

beforeEach(() => {
  vi.clearAllMocks();
  api.runtime.getContexts = undefined;
});

describe('openReaderTab', () => {
  it('reuses the reader tab runtime.getContexts finds and focuses its window', async () => {
    api.runtime.getContexts = vi.fn(async () => [
      { contextType: 'TAB', documentUrl: `${BASE}src/pages/options/index.html`, tabId: 3, windowId: 1 },
      { contextType: 'TAB', documentUrl: readerAt(4), tabId: 7, windowId: 2 },
    ]);

    await openReaderTab(9);

    expect(api.tabs.update).toHaveBeenCalledWith(7, { url: readerAt(9), active: true });
    expect(api.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(api.tabs.create).not.toHaveBeenCalled();
  });

  it('opens the reader at a search, its query percent-encoded in the hash', async () => {
    await openReaderTab(9, { kind: 'search', query: 'harbour & sea' });

    expect(api.tabs.create).toHaveBeenCalledWith({ url: `${readerAt(9)}&view=search:harbour%20%26%20sea`, active: true });
  });

  it('falls back to tabs.query where runtime.getContexts is missing', async () => {
    api.tabs.query.mockResolvedValueOnce([
      { id: 1, windowId: 1, url: 'https://example.com/' },
      { id: 5, windowId: 3, url: readerAt(2) },
    ]);

    await openReaderTab(9);

    expect(api.tabs.update).toHaveBeenCalledWith(5, { url: readerAt(9), active: true });
    expect(api.windows.update).toHaveBeenCalledWith(3, { focused: true });
  });

  it('opens a new tab when no reader is open', async () => {
    api.runtime.getContexts = vi.fn(async () => []);

    await openReaderTab(9);

    expect(api.tabs.create).toHaveBeenCalledWith({ url: readerAt(9), active: true });
    expect(api.tabs.update).not.toHaveBeenCalled();
  });
});
