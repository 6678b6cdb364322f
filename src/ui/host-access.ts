// Access to websites: the manifest's host_permissions, which users can withdraw (Chrome's site access
// "On click" or "On specific sites", Firefox's about:addons permissions). Without it every feed fetch is
// blocked, so pages say so and ask again.
import browser from 'webextension-polyfill';
import { t } from './i18n';
import { usePermissionState } from './permission-state';

/** Every origin the extension reads feeds from, exactly as manifest.json asks for them. */
export const HOST_ORIGINS: readonly string[] = browser.runtime.getManifest().host_permissions ?? [];

/** True while every origin of HOST_ORIGINS is granted. */
export function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: [...HOST_ORIGINS] });
}

/**
 * Ask the user to allow access to websites; resolves with their answer. Call it synchronously inside a click
 * or submit handler, before any await: Firefox refuses a request made later ("may only be called from a user
 * input handler").
 */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: [...HOST_ORIGINS] });
}

/** The text for a request the browser rejected instead of asking (an enterprise policy forbids it, say). */
export function requestFailedText(error: unknown): string {
  return t('accessRequestFailed', error instanceof Error ? error.message : String(error));
}

/** Whether access to websites is granted (undefined until known), kept current as the user grants or withdraws it anywhere. */
export function useHostAccess(): boolean | undefined {
  return usePermissionState(hasHostAccess);
}
