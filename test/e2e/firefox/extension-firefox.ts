// Firefox with a built extension installed over WebDriver BiDi, at a moz-extension:// address known in
// advance. One close() ends the session, the process and the profile.
import { resolve } from 'node:path';
import { BidiClient } from './bidi-client';
import { launchFirefox, type Pref } from './launch-firefox';
import { Tab } from './tab';

/** How long a tab the extension opens may take to start loading. */
const TAB_DEADLINE_MS = 10_000;

/** Which add-on to install and the internal UUID to give it. */
export interface ExtensionOptions {
  /** The unpacked build (dist-firefox/). */
  dist: string;
  /** browser_specific_settings.gecko.id of that build. */
  geckoId: string;
  /** The host of its moz-extension:// pages. */
  uuid: string;
  /** More user.js prefs, e.g. to start without host permissions. */
  prefs?: Record<string, Pref>;
  /** WebDriver capabilities of the session, e.g. acceptInsecureCerts for a test server's own certificate. */
  capabilities?: Record<string, unknown>;
}

/** A running Firefox with the extension installed. */
export interface ExtensionFirefox {
  /** The id Firefox answered `webExtension.install` with. */
  extensionId: string;
  /** moz-extension://<uuid>/<path> */
  url(path: string): string;
  /** A new tab, by default the size of the toolbar popup (body.popup is 360×540). */
  openTab(viewport?: { width: number; height: number }): Promise<Tab>;
  /** The next tab to commit a navigation to `url`, not yet rendered (call before the action that opens it). */
  waitForTab(url: string): Promise<Tab>;
  close(): Promise<void>;
}

/** Launch Firefox (English UI), open a BiDi session and install `options.dist` temporarily. */
export async function launchWithExtension(options: ExtensionOptions): Promise<ExtensionFirefox> {
  const firefox = await launchFirefox({
    // Firefox otherwise draws a random UUID per profile; fixing it makes page URLs known before install.
    'extensions.webextensions.uuids': JSON.stringify({ [options.geckoId]: options.uuid }),
    // browser.i18n follows the app locale; the tests read English text.
    'intl.locale.requested': 'en-US',
    ...options.prefs,
  });
  let bidi: BidiClient | undefined;
  const close = async () => {
    bidi?.close();
    await firefox.close();
  };
  try {
    bidi = await BidiClient.connect(`${firefox.wsUrl}/session`);
    await bidi.send('session.new', { capabilities: options.capabilities ? { alwaysMatch: options.capabilities } : {} });
    // Not browsingContext.load: Firefox 140 sends no load/domContentLoaded (nor log.entryAdded, nor preload
    // scripts) for moz-extension:// documents, only navigationStarted/navigationCommitted.
    await bidi.send('session.subscribe', { events: ['browsingContext.navigationCommitted'] });
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: resolve(options.dist) },
    });
    const client = bidi;
    return {
      extensionId: extension,
      url: (path) => `moz-extension://${options.uuid}/${path.replace(/^\//, '')}`,
      openTab: (viewport = { width: 360, height: 540 }) => Tab.open(client, viewport),
      waitForTab: async (url) => {
        const committed = await client.waitForEvent('browsingContext.navigationCommitted', (params) => params.url === url, TAB_DEADLINE_MS);
        return new Tab(client, String(committed.context));
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
