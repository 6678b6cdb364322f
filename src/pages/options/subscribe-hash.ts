// Links into the subscribe form: the popup's "Preview" of a page's feed and the context menu's "Subscribe to
// this link" / "Find feeds on this page" open the options page at #subscribe=<address>.
import { useEffect, useRef } from 'preact/hooks';

/** The address a `#subscribe=<encoded url>` hash names, or undefined for any other hash. */
export function subscribeAddress(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('subscribe')?.trim();
  return value ? value : undefined;
}

/**
 * Call `onAddress` with the address of a #subscribe=… hash, at once and on every later hashchange, then take the
 * hash off the address bar (history.replaceState: no new history entry) so a reload does not look again.
 */
export function useSubscribeHash(onAddress: (address: string) => void): void {
  const latest = useRef(onAddress);
  latest.current = onAddress;
  useEffect(() => {
    const check = () => {
      const address = subscribeAddress(location.hash);
      if (address === undefined) return;
      history.replaceState(null, '', `${location.pathname}${location.search}#subscribe`);
      latest.current(address);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, []);
}
