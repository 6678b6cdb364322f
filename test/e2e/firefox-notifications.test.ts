// Notifications as an optional permission, in Firefox ESR over WebDriver BiDi, end to end: nothing granted at
// install; a real click on "Notify me of new entries" asks (Firefox refuses a request that does not come straight
// from user input; extensions.webextOptionalPermissionPrompts = false answers "Allow" without drawing the
// prompt); saved, the next round shows one notification, in English; with Simplified Chinese picked in the
// settings, the next one is in Chinese, from the same running background page. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';
import { minutesAgo, rssRoute } from './support/fixtures';

const UUID = '3e9a7c21-5d4b-4f8e-a1c6-9b2d0e7f4a13';
const OPTIONS = 'src/pages/options/index.html';

firefoxTestFile('notification');

function channel(guids: string[]) {
  return rssRoute({ title: 'Loud News', link: 'http://site.example/', items: guids.map((guid) => ({ guid, title: `Post ${guid}`, link: `http://site.example/${guid}`, published: minutesAgo(5) })) });
}

describe.skipIf(!installed)(`Firefox notifications${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;

  const send = (type: string, payload: unknown) => tab.evaluate<{ ok: boolean; value?: unknown }>(`browser.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
  const allowed = () => tab.evaluate<boolean>(`browser.permissions.contains({ permissions: ['notifications'] })`);
  /** Firefox's getAll gives each notification's options: id → title and message. */
  const shown = () => tab.evaluate<Record<string, { title: string; message: string }>>(`browser.notifications.getAll().then((all) => Object.fromEntries(Object.entries(all).map(([id, options]) => [id, { title: options.title, message: options.message }])))`);

  beforeAll(async () => {
    server = await startFeedServer({ '/loud.xml': channel(['a']) });
    firefox = await launchWithExtension({ dist: DIST, geckoId: GECKO_ID, uuid: UUID, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    tab = await firefox.openTab({ width: 1000, height: 900 });
    await tab.navigate(firefox.url(OPTIONS));
    await tab.waitFor(`document.getElementById('feed-url')`, 'the options page');
    expect(await send('subscribe', { url: `${server.origin}/loud.xml` })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('asks nothing at install, and asks from a click on the checkbox', async () => {
    expect(await allowed()).toBe(false);
    await tab.waitFor(`document.querySelector('button[aria-label="Settings of Loud News"]')`, 'the feed row');
    await tab.click('button[aria-label="Settings of Loud News"]');
    await tab.waitFor(`document.querySelector('.feed-settings input[type="checkbox"]')`, 'the settings panel');
    await tab.click('.feed-settings input[type="checkbox"]');
    await tab.waitFor(`browser.permissions.contains({ permissions: ['notifications'] }).then((yes) => yes || undefined)`, 'the permission');
    expect(await tab.evaluate(`document.querySelector('.feed-settings input[type="checkbox"]').checked`)).toBe(true);
    expect(await tab.evaluate(`document.querySelector('.notify-choice p')?.textContent ?? ''`)).toBe('');
    await tab.click('.feed-settings button[type="submit"]');
    await tab.waitFor(`document.querySelector('[role="status"]')?.textContent === 'Settings of Loud News saved.' || undefined`, 'the settings saved');
  });

  it("shows the round's notification in the language picked in the settings, following a change", async () => {
    server.routes.set('/loud.xml', channel(['a', 'b', 'c']));
    expect(await send('refresh', {})).toMatchObject({ ok: true, value: { added: 2 } });
    await tab.waitFor(`browser.notifications.getAll().then((all) => Object.keys(all).length > 0 || undefined)`, 'a notification');
    expect(Object.values(await shown())).toEqual([{ title: '2 new entries', message: 'Loud News: 2' }]);

    expect(await send('update-settings', { patch: { language: 'zh_CN' } })).toMatchObject({ ok: true });
    server.routes.set('/loud.xml', channel(['a', 'b', 'c', 'd']));
    expect(await send('refresh', {})).toMatchObject({ ok: true, value: { added: 1 } });
    // The new one replaces the English one after the reply (the round's after-steps follow it): the assertion is
    // a wait for the exact list, which fails when that list never comes.
    const chinese = JSON.stringify([{ title: '新文章：1 篇', message: 'Loud News：1 篇' }]);
    await tab.waitFor(`browser.notifications.getAll().then((all) => JSON.stringify(Object.values(all).map(({ title, message }) => ({ title, message }))) === ${JSON.stringify(chinese)} || undefined)`, 'the Chinese notification alone');
  });
});
