import { describe, expect, it, vi } from 'vitest';
import { CommandError } from '../../../src/background/errors';
import { createRouter, type Handlers } from '../../../src/background/router';
import { FeedError } from '../../../src/feeds/model';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const ownPage = { id: 'ext-id', url: 'chrome-extension://ext-id/src/pages/popup/index.html' };

/** Handlers that fail loudly unless a test overrides the one it uses. */
function handlers(overrides: Partial<Handlers>): Handlers {
  const unused = async (): Promise<never> => {
    throw new Error('not under test');
  };
  return { subscribe: unused, unsubscribe: unused, refresh: unused, 'mark-read': unused, 'mark-view-read': unused, 'set-starred': unused, 'open-entry': unused, 'update-settings': unused, discover: unused, 'preview-feed': unused, 'import-opml': unused, 'import-record': unused, 'restore-backup': unused,
    'update-feed': unused, 'remove-feed': unused, 'create-folder': unused, 'rename-folder': unused, 'move-folder': unused, 'delete-folder': unused, 'move-feeds': unused,
    'fetch-article': unused, 'save-article': unused, 'page-feeds': unused, 'dismiss-storage-notice': unused, ...overrides };
}

describe('createRouter', () => {
  it('answers a command from our own page with the handler value', async () => {
    const refresh = vi.fn(async () => ({ feeds: 2, added: 5, failed: 0 }));
    const route = createRouter(handlers({ refresh }), self);

    expect(await route({ type: 'refresh', payload: { feedId: 3 } }, ownPage)).toEqual({ ok: true, value: { feeds: 2, added: 5, failed: 0 } });
    expect(refresh).toHaveBeenCalledWith({ feedId: 3 });
  });

  it('ignores web pages, other extensions and malformed messages', () => {
    const refresh = vi.fn(async () => ({ feeds: 0, added: 0, failed: 0 }));
    const route = createRouter(handlers({ refresh }), self);
    const message = { type: 'refresh', payload: {} };

    expect(route(message, { id: 'ext-id', url: 'https://evil.example/' })).toBeUndefined();
    expect(route(message, { id: 'other-ext', url: 'chrome-extension://other-ext/page.html' })).toBeUndefined();
    expect(route(message, {})).toBeUndefined();
    expect(route({ type: 'toString', payload: {} }, ownPage)).toBeUndefined();
    expect(route({ type: 'refresh' }, ownPage)).toBeUndefined();
    expect(route('refresh', ownPage)).toBeUndefined();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('turns a thrown CommandError into its AppError: code and parameters, no text', async () => {
    const route = createRouter(
      handlers({
        subscribe: async () => {
          throw new CommandError('duplicate', { title: 'Daily News' });
        },
      }),
      self,
    );

    expect(await route({ type: 'subscribe', payload: { url: 'x' } }, ownPage)).toEqual({ ok: false, error: { code: 'duplicate', params: { title: 'Daily News' } } });
  });

  it('passes the alternates of an HTML page on', async () => {
    const route = createRouter(
      handlers({
        subscribe: async () => {
          throw new FeedError('not-a-feed', {}, ['https://example.com/feed.xml']);
        },
      }),
      self,
    );

    expect(await route({ type: 'subscribe', payload: { url: 'x' } }, ownPage)).toEqual({
      ok: false,
      error: { code: 'not-a-feed', alternates: ['https://example.com/feed.xml'] },
    });
  });

  it('reports an unexpected failure as "internal" with the engine\'s text as its detail', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = createRouter(
      handlers({
        'mark-read': async () => {
          throw new TypeError('boom');
        },
      }),
      self,
    );

    expect(await route({ type: 'mark-read', payload: { entryIds: [1], read: true } }, ownPage)).toEqual({
      ok: false,
      error: { code: 'internal', params: { detail: 'TypeError: boom' } },
    });
  });
});
