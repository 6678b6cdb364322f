// Notifications as an optional permission, in real Chromium, as far as headless Chromium goes (its permission
// prompt cannot be answered: a request stays pending): the built extension asks for nothing at install; without
// the permission the worker has no notifications API and a round of a feed whose notifications are on ends
// normally, with no error; ticking "Notify me of new entries" makes a request the browser accepts as made by the
// user (it stays pending; without a user gesture Chromium refuses it at once). Chromium counts a gesture for a few
// seconds, so that the request comes synchronously from the change event is proven where it matters, in Firefox
// (firefox-notifications.test.ts), and by the unit test of the checkbox.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesAgo, rssRoute } from './support/fixtures';
import { badgeText, command, currentWorker, eventually, readStore, startHarness, subscribe, type Harness } from './support/harness';

type Chrome = { permissions: { contains(query: object): Promise<boolean> }; runtime: { getManifest(): { permissions?: string[]; optional_permissions?: string[] } } };

let h: Harness;
let feedId: number;
/** What the extension logged as warnings and errors (the worker's after-round steps log a failure there). */
const logged: string[] = [];

function channel(guids: string[]) {
  return rssRoute({ title: 'Loud News', link: 'http://site.example/', items: guids.map((guid) => ({ guid, title: `Post ${guid}`, link: `http://site.example/${guid}`, published: minutesAgo(5) })) });
}

beforeAll(async () => {
  h = await startHarness({ '/loud.xml': channel(['a']) });
  h.ext.context.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') logged.push(message.text());
  });
  feedId = (await subscribe(h, '/loud.xml')).feedId;
});

afterAll(() => h?.close());

const allowed = (page: Page) => page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ permissions: ['notifications'] }));

describe('notifications, an optional permission', () => {
  it('are not asked for at install', async () => {
    const manifest = await h.control.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest());
    expect([manifest.permissions?.includes('notifications'), manifest.optional_permissions]).toEqual([false, ['notifications']]);
    expect(await allowed(h.control)).toBe(false);
    expect(await (await currentWorker(h)).evaluate(() => typeof (globalThis as unknown as { chrome: { notifications?: unknown } }).chrome.notifications)).toBe('undefined');
  });

  it('are skipped cleanly by a round while not allowed', async () => {
    expect(await command(h.control, 'update-feed', { feedId, patch: { notify: true } })).toEqual({ ok: true, value: null });
    h.server.routes.set('/loud.xml', channel(['a', 'b', 'c']));
    expect(await command(h.control, 'refresh', {})).toEqual({ ok: true, value: { feeds: 1, added: 2, failed: 0 } });
    // The steps after the round ran — the notification step first, then retention (which records itself in the
    // 'storage' row) and the badge — and none recorded a listener error (it would be the 'worker' row).
    await eventually(() => badgeText(h)).toBe('3');
    await eventually(async () => (await readStore<{ key: string; retentionAt?: number }>(h.control, 'status')).map((row) => [row.key, row.key === 'storage' ? typeof row.retentionAt : '']).sort()).toEqual([
      ['round', ''],
      ['storage', 'number'],
    ]);
    expect(logged.filter((text) => text.includes('mirror-reader'))).toEqual([]);
  });

  it('are asked for when the checkbox is ticked, and the page says the browser is asking', async () => {
    expect(await command(h.control, 'update-feed', { feedId, patch: { notify: false } })).toEqual({ ok: true, value: null });
    const options = await h.open('options');
    await options.getByRole('button', { name: 'Settings of Loud News' }).click();
    const panel = options.getByRole('region', { name: 'Settings of Loud News' });
    await panel.getByLabel('Notify me of new entries').check();
    await eventually(() => panel.locator('.notify-choice p').innerText()).toBe('Answer the browser’s question to allow notifications.');
    expect(await panel.getByLabel('Notify me of new entries').isChecked()).toBe(true);
    expect(await allowed(options)).toBe(false);
    await options.close();
  });
});
