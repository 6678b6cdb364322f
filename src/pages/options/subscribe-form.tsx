// "Feed or page URL" + "Find feeds": the worker looks at the address (a feed, or a page and its feeds) and
// answers with candidates; choosing one shows its preview and Subscribe (candidates.tsx). Nothing is
// stored until Subscribe. When access to websites is known to be withdrawn, Find feeds first asks for it;
// the worker then decides for the one site.
import { useRef, useState } from 'preact/hooks';
import type { FeedCandidate } from '../../discovery/model';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { requestHostAccess } from '../../ui/host-access';
import { t, tPlural } from '../../ui/i18n';
import { command } from '../../ui/send';
import { Candidates } from './candidates';
import { useSubscribeHash } from './subscribe-hash';

/** Props: whether access to websites is granted (undefined while unknown), and where to announce progress. */
export interface SubscribeFormProps {
  access: boolean | undefined;
  onStatus: (text: string) => void;
}

/** The find-feeds form, its busy state and error, and the candidates it found. */
export function SubscribeForm({ access, onStatus }: SubscribeFormProps) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const [found, setFound] = useState<FeedCandidate[] | undefined>();
  const input = useRef<HTMLInputElement>(null);

  /** Look for feeds at `address` from a click or Enter; synchronous up to the permission request. */
  function submit(address: string) {
    const trimmed = address.trim();
    if (trimmed === '') {
      setError({ code: 'empty-url' });
      input.current?.focus();
      return;
    }
    // Ask only when access is known to be missing: a request outside a real user gesture (a script's
    // click) throws in Firefox, and one while access is granted would be a pointless prompt.
    if (access !== false) {
      void discover(trimmed);
      return;
    }
    setBusy(true);
    setError(undefined);
    // No await before this call: the browser accepts it only while the click or Enter is being handled.
    // Declined or refused, the worker still decides: access may be withdrawn in general yet granted for
    // this one site (Chrome's "On specific sites"), and otherwise it answers 'no-access' without fetching.
    const proceed = () => discover(trimmed);
    void requestHostAccess().then(proceed, proceed);
  }

  async function discover(address: string) {
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    onStatus(t('findingFeeds'));
    const result = await command('discover', { url: address });
    setBusy(false);
    if (result.ok) {
      setFound(result.value.candidates);
      onStatus(tPlural('feedsFound', result.value.candidates.length));
    } else {
      onStatus('');
      setError(result.error);
      input.current?.focus();
    }
  }

  // Opened from the popup or the context menu at #subscribe=<address>: look at once, as if typed and submitted.
  // Without access to websites the request needs the user's own click, so the address only fills the field.
  useSubscribeHash((address) => {
    setUrl(address);
    input.current?.scrollIntoView({ block: 'center' });
    input.current?.focus();
    if (access !== false) void discover(address);
  });

  function subscribed(title: string, resumed: boolean) {
    setFound(undefined);
    setUrl('');
    onStatus(resumed ? t('resubscribed', title) : t('subscribed', title));
    input.current?.focus();
  }

  return (
    <>
      {/* noValidate: the worker's message for a bad address is clearer than the browser's bubble. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(url);
        }}
      >
        <label for="feed-url">{t('feedUrlLabel')}</label>
        <div class="subscribe-row">
          <input
            id="feed-url"
            ref={input}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://example.com/"
            aria-describedby="feed-url-hint"
            aria-invalid={error ? true : undefined}
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('findFeeds')}
          </button>
        </div>
        <p id="feed-url-hint" class="hint">
          {t('feedUrlHint')}
        </p>
        {error && <ErrorAlert error={error} />}
      </form>
      {found && <Candidates candidates={found} onSubscribed={subscribed} />}
    </>
  );
}
