// Whether the browser lets the worker read a site. Users can withdraw the manifest's host permissions
// (Chrome's site access "On click", Firefox's about:addons); the browser then blocks the response and a
// fetch fails exactly like a dead host. Asking first lets the error say what is really wrong.
import browser from 'webextension-polyfill';
import { CommandError } from './errors';

/** The match pattern for every page of `url`'s host ("http://127.0.0.1/*"): match patterns have no port. */
export function sitePattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** Resolve when the extension may read `url`'s site; otherwise throw a 'no-access' CommandError. */
export async function requireSiteAccess(url: string): Promise<void> {
  if (await hasSiteAccess(url)) return;
  throw new CommandError('no-access', { host: new URL(url).host });
}

/** Whether the extension may read `url`'s site. */
export async function hasSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [sitePattern(url)] });
}

/** hasSiteAccess asked once per site: a round of 1,000 feeds on 50 hosts asks the browser 50 times, not 1,000. */
export function cachedSiteAccess(): (url: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (url) => {
    const pattern = sitePattern(url);
    let answer = answers.get(pattern);
    if (!answer) {
      answer = hasSiteAccess(url);
      answers.set(pattern, answer);
    }
    return answer;
  };
}
