// A stand-in for webextension-polyfill in component and worker tests: real English messages (with Chrome's
// $PLACEHOLDER$ → $1 substitution rules), the real manifest, spies for what pages send, host permissions that
// tests withdraw and grant, and the optional notifications permission (its API present only once granted, as
// in the browsers).
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

type Message = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, Message>;

/** browser.i18n.getMessage as Chrome does it: named placeholders, then $1…$9. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '');
  // "$$" is a literal "$" (Chrome drops a lone "$" before "{": "${href}" shows as "href}").
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, key: string) => fill(entry.placeholders?.[key.toLowerCase()]?.content ?? '')).replaceAll('$$', '$');
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions: string[] };

type Permissions = { origins?: string[]; permissions?: string[] };
type PermissionsListener = (permissions: Permissions) => void;

/** permissions.onAdded / onRemoved: listeners a test can count and fire. */
class FakeEvent {
  readonly listeners = new Set<PermissionsListener>();
  addListener(listener: PermissionsListener) {
    this.listeners.add(listener);
  }
  removeListener(listener: PermissionsListener) {
    this.listeners.delete(listener);
  }
  fire(permissions: Permissions) {
    for (const listener of this.listeners) listener(permissions);
  }
}

/** The granted host match patterns and API permissions, and how the user answers the next permission prompt. */
const granted = new Set<string>();
const grantedApis = new Set<string>();
let userAllows = true;
const onAdded = new FakeEvent();
const onRemoved = new FakeEvent();

// True when a granted match pattern covers `origin`, as "https://*/*" covers "https://example.com/*" (and itself).
function covered(origin: string): boolean {
  return [...granted].some((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(origin));
}

/** Grant (true) or withdraw (false) every host permission of the manifest, firing the event the browser fires. */
export function setHostAccess(allowed: boolean): void {
  const origins = manifest.host_permissions;
  for (const origin of origins) {
    if (allowed) granted.add(origin);
    else granted.delete(origin);
  }
  (allowed ? onAdded : onRemoved).fire({ origins });
}

/** Grant (true) or withdraw (false) an optional API permission such as 'notifications', firing the browser's event. */
export function setApiPermission(name: string, allowed: boolean): void {
  if (allowed) grantedApis.add(name);
  else grantedApis.delete(name);
  (allowed ? onAdded : onRemoved).fire({ permissions: [name] });
}

/** How the user will answer permission prompts from now on. */
export function answerPrompts(allow: boolean): void {
  userAllows = allow;
}

/** Access granted as at install (host permissions, no optional ones), prompts answered "Allow", spies cleared; for beforeEach. */
export function resetPermissions(): void {
  setHostAccess(true);
  grantedApis.clear();
  answerPrompts(true);
  fakeBrowser.permissions.contains.mockClear();
  fakeBrowser.permissions.request.mockClear();
}

/** Notifications shown, by id; resetNotifications() empties them. */
const shown = new Map<string, { title: string; message: string; iconUrl: string; type: string }>();

/** Forget shown notifications and clear the notification and popup spies; for beforeEach. */
export function resetNotifications(): void {
  shown.clear();
  fakeNotifications.create.mockClear();
  fakeNotifications.getAll.mockClear();
  fakeNotifications.clear.mockClear();
  fakeBrowser.action.openPopup.mockClear();
  fakeBrowser.tabs.create.mockClear();
}

/** browser.notifications, which the fake offers as `browser.notifications` only while the permission is granted. */
export const fakeNotifications = {
  create: vi.fn(async (id: string, options: { title: string; message: string; iconUrl: string; type: string }) => {
    shown.set(id, options);
    return id;
  }),
  clear: vi.fn(async (id: string) => shown.delete(id)),
  getAll: vi.fn(async () => Object.fromEntries([...shown.keys()].map((id) => [id, true]))),
  onClicked: { addListener: vi.fn() },
};

/** The fake `browser` object; tests program `runtime.sendMessage`. */
export const fakeBrowser = {
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn(async () => undefined), getManifest: () => manifest, getURL: (path: string) => `chrome-extension://fake-id/${path}` },
  get notifications(): typeof fakeNotifications | undefined {
    return grantedApis.has('notifications') ? fakeNotifications : undefined;
  },
  action: { openPopup: vi.fn(async () => undefined), setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
  tabs: { create: vi.fn(async () => ({})), query: vi.fn(async () => []), update: vi.fn(async () => ({})) },
  windows: { update: vi.fn(async () => ({})) },
  alarms: { create: vi.fn(async () => undefined), get: vi.fn(async () => undefined) },
  permissions: {
    contains: vi.fn(async ({ origins = [], permissions = [] }: Permissions) => origins.every(covered) && permissions.every((name) => grantedApis.has(name))),
    request: vi.fn(async ({ origins = [], permissions = [] }: Permissions) => {
      if (!userAllows) return false;
      for (const origin of origins) granted.add(origin);
      for (const name of permissions) grantedApis.add(name);
      onAdded.fire({ origins, permissions });
      return true;
    }),
    onAdded,
    onRemoved,
  },
};

setHostAccess(true);

/** The notifications on screen, by id. */
export function shownNotifications(): Map<string, { title: string; message: string; iconUrl: string; type: string }> {
  return shown;
}
