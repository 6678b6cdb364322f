// Where the user was in each entry: the scroll position as a fraction of the page (it survives a new text size),
// kept in localStorage for the last few hundred entries. It is the tab's view state, not library data, so it
// is not a worker command per scroll. Reading to the end forgets it: the entry opens at the top next time.
import { useLayoutEffect } from 'preact/hooks';

const KEY = 'mirror-reader.scroll';
/** Entries remembered; the oldest go first. */
export const REMEMBERED = 300;

/** [entry id, fraction] pairs, oldest first (an array: object keys that look like numbers lose their order). */
type Positions = [number, number][];

function read(): Positions {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((pair): pair is [number, number] => Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number') : [];
  } catch {
    return [];
  }
}

function write(positions: Positions): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(positions));
  } catch {
    // Storage full or disabled: positions are a convenience.
  }
}

/** The remembered position of entry `id`, a fraction in (0, 1), if any. */
export function savedPosition(id: number): number | undefined {
  const value = read().find(([entry]) => entry === id)?.[1];
  return value !== undefined && value > 0 && value < 1 ? value : undefined;
}

/** Remember `fraction` for entry `id` (most recent last); 0 or the end forgets it. */
export function savePosition(id: number, fraction: number): void {
  const positions = read().filter(([entry]) => entry !== id);
  if (fraction > 0.01 && fraction < 0.98) positions.push([id, Math.round(fraction * 10_000) / 10_000]);
  write(positions.slice(-REMEMBERED));
}

function fraction(): number {
  const range = document.documentElement.scrollHeight - window.innerHeight;
  return range > 0 ? window.scrollY / range : 0;
}

/**
 * While entry `id` is shown: once its body is on the page (`ready`), go back to where the user was in it, or to
 * the top; from then on remember the position as they scroll.
 */
export function useScrollMemory(id: number | undefined, ready: boolean): void {
  // A layout effect: set up and cleaned up in the render that changes the page. A plain effect runs a frame
  // later, and meanwhile the scroll the browser makes when the next entry replaces this one (a shorter page
  // clamps scrollY) reached this entry's listener and was kept as where the user had been.
  useLayoutEffect(() => {
    if (id === undefined || !ready) return undefined;
    const saved = savedPosition(id);
    window.scrollTo(0, saved === undefined ? 0 : saved * (document.documentElement.scrollHeight - window.innerHeight));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Measured at each scroll, written a moment later: by the time this effect is cleaned up the next entry is
    // already on the page, so the position must not be measured then.
    let last: number | undefined;
    const remember = () => {
      clearTimeout(timer);
      if (last !== undefined) savePosition(id, last);
      last = undefined;
    };
    const onScroll = () => {
      last = fraction();
      clearTimeout(timer);
      timer = setTimeout(remember, 250);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', remember);
    return () => {
      remember();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', remember);
    };
  }, [id, ready]);
}
