// @vitest-environment happy-dom
// useScrollMemory against a page whose geometry the test sets (happy-dom lays nothing out): the position is
// kept as the user scrolls, and the scroll the browser makes when the next entry replaces this one (a shorter
// page clamps scrollY) is not taken for the user's.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedPosition, useScrollMemory } from '../../../src/pages/reader/scroll-memory';
import { dropRoot, newRoot } from './reader-root';

let root: HTMLElement;
const page = { height: 3000, y: 0 };
const VIEWPORT = 1000;

function Probe({ id, ready }: { id: number; ready: boolean }) {
  useScrollMemory(id, ready);
  return <p>{id}</p>;
}

/** The browser scrolled to `y` (the user, or a clamp): scrollY moves and a scroll event follows. */
function scrolled(y: number): void {
  page.y = y;
  window.dispatchEvent(new Event('scroll'));
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  page.height = 3000;
  page.y = 0;
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockImplementation(() => page.height);
  vi.spyOn(window, 'innerHeight', 'get').mockImplementation(() => VIEWPORT);
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => page.y);
  vi.spyOn(window, 'scrollTo').mockImplementation(((_x: number, y: number) => void (page.y = y)) as typeof window.scrollTo);
  root = newRoot();
});
afterEach(async () => {
  await dropRoot(root);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useScrollMemory', () => {
  it('keeps where the user was, a moment after they scrolled, and goes back there', async () => {
    await act(() => render(<Probe id={1} ready />, root));
    scrolled(1000);
    vi.advanceTimersByTime(300);
    expect(savedPosition(1)).toBe(0.5);
    await act(() => render(<Probe id={2} ready />, root));
    expect(page.y).toBe(0);
    await act(() => render(<Probe id={1} ready />, root));
    expect(page.y).toBe(1000);
  });

  it('does not take the scroll of the next entry replacing this one for the user\'s', () => {
    act(() => render(<Probe id={1} ready />, root));
    scrolled(1000);
    vi.advanceTimersByTime(300);
    // The next entry's page is shorter: the browser clamps scrollY before any effect of the new render has run.
    render(<Probe id={2} ready={false} />, root);
    page.height = 1200;
    scrolled(200);
    act(() => void vi.advanceTimersByTime(300));
    expect(savedPosition(1)).toBe(0.5);
  });
});
