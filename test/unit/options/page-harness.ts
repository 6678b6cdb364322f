// Component tests of the options page: render into a fresh root, a fake worker answering by command type,
// and the few ways a test finds and works controls (by accessible name, as a user would).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from '../ui/fake-browser';
import { resetDb } from '../ui/seed';

/** A command as the page sent it. */
export type Sent = { type: string; payload: Record<string, unknown> };

/** The fake worker's replies by command type; unset ones fail loudly. */
export const replies: Record<string, (payload: Record<string, unknown>) => unknown> = {};

let root: HTMLElement | undefined;

/** Empty database, no replies, a root element in the document. */
export async function freshPage(): Promise<void> {
  await resetDb();
  for (const key of Object.keys(replies)) delete replies[key];
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockImplementation(async ({ type, payload }: Sent) => replies[type]?.(payload) ?? { ok: false, error: { code: 'internal', params: { detail: `no reply for ${type}` } } });
  root = document.createElement('div');
  document.body.append(root);
}

/** Unmount (running effect cleanups) and remove the root. */
export async function closePage(): Promise<void> {
  if (!root) return;
  const gone = root;
  await act(() => render(null, gone));
  gone.remove();
  root = undefined;
}

/** Render `app` into the root. */
export async function show(app: ComponentChild): Promise<HTMLElement> {
  await act(() => render(app, root!));
  return root!;
}

/** Commands sent so far. */
export function sent(): Sent[] {
  return fakeBrowser.runtime.sendMessage.mock.calls.map(([message]) => message as Sent);
}

/** The button whose accessible name (aria-label, else text) is `name`. */
export function button(name: string): HTMLButtonElement | undefined {
  return [...root!.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name);
}

/** Click `name`, failing clearly when it is not there. */
export async function click(name: string): Promise<void> {
  const found = button(name);
  if (!found) throw new Error(`no button "${name}" in: ${[...root!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent).join(' | ')}`);
  await act(async () => found.click());
}

/** Type into the input labelled by id `id`. */
export async function fill(id: string, value: string): Promise<void> {
  const input = root!.querySelector<HTMLInputElement | HTMLSelectElement>(`[id="${id}"]`);
  if (!input) throw new Error(`no field #${id}`);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Press `key` on `target`. */
export async function press(target: Element, key: string): Promise<void> {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** The status line's text. */
export function status(): string | undefined {
  return root!.querySelector('[role="status"]')?.textContent ?? undefined;
}

/** Wait for `check` to pass (a live query or a reply settling). */
export function until(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 3000 });
}
