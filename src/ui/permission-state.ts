// A permission's state for a page, kept current: asked once, then again whenever the browser says permissions
// were added or removed (the user answering a prompt here, or changing them in the browser's settings).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/** `check()`'s answer (undefined until known), asked again on every permission change anywhere. */
export function usePermissionState(check: () => Promise<boolean>): boolean | undefined {
  const [granted, setGranted] = useState<boolean | undefined>();
  useEffect(() => {
    let mounted = true;
    // The events name only what changed; asking again gives the whole answer.
    const ask = () =>
      void check().then((value) => {
        if (mounted) setGranted(value);
      });
    ask();
    browser.permissions.onAdded.addListener(ask);
    browser.permissions.onRemoved.addListener(ask);
    return () => {
      mounted = false;
      browser.permissions.onAdded.removeListener(ask);
      browser.permissions.onRemoved.removeListener(ask);
    };
  }, []);
  return granted;
}
