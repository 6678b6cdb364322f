// Notifications are an optional permission (manifest optional_permissions): off by default per feed, so nobody
// is asked at install. The options page asks when the user turns a feed's notifications on; the worker shows
// nothing while the permission is missing (src/background/notifications.ts).
import browser from 'webextension-polyfill';
import { usePermissionState } from './permission-state';

/** The permission notifications need. */
export const NOTIFY_PERMISSION = { permissions: ['notifications'] } as const;

/** True while the notifications permission is granted. */
export function hasNotifyPermission(): Promise<boolean> {
  return browser.permissions.contains({ permissions: [...NOTIFY_PERMISSION.permissions] });
}

/**
 * Ask the user to allow notifications; resolves with their answer (true at once when already allowed). Call it
 * synchronously inside a click or change handler, before any await: Firefox refuses a request made later.
 */
export function requestNotifyPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: [...NOTIFY_PERMISSION.permissions] });
}

/** Whether notifications are allowed (undefined until known), kept current. */
export function useNotifyPermission(): boolean | undefined {
  return usePermissionState(hasNotifyPermission);
}
