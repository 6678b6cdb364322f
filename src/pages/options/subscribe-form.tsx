// "Feed URL" + "Subscribe". The worker validates and fetches; nothing is stored unless it succeeds. When
// the address is a web page that links to feeds, each one is offered as a button. When access to websites
// is known to be withdrawn, Subscribe first asks for it; the worker then decides for the one site.
import { useRef, useState } from 'preact/hooks';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { requestHostAccess } from '../../ui/host-access';
import { t } from '../../ui/i18n';
import { command } from '../../ui/send';

/** Props: whether access to websites is granted (undefined while unknown), and where to announce success. */
export interface SubscribeFormProps {
  access: boolean | undefined;
  onStatus: (text: string) => void;
}

/** The subscribe form with its busy state and error alert. */
export function SubscribeForm({ access, onStatus }: SubscribeFormProps) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const input = useRef<HTMLInputElement>(null);

  /** Subscribe to `address` from a click or Enter; synchronous up to the permission request. */
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
      void subscribe(trimmed);
      return;
    }
    setBusy(true);
    setError(undefined);
    // No await before this call: the browser accepts it only while the click or Enter is being handled.
    // Declined or refused, the worker still decides: access may be withdrawn in general yet granted for
    // this one site (Chrome's "On specific sites"), and otherwise it answers 'no-access' without fetching.
    const proceed = () => subscribe(trimmed);
    void requestHostAccess().then(proceed, proceed);
  }

  async function subscribe(address: string) {
    setBusy(true);
    setError(undefined);
    onStatus(t('subscribing'));
    const result = await command('subscribe', { url: address });
    setBusy(false);
    if (result.ok) {
      setUrl('');
      onStatus(t('subscribed', result.value.title));
    } else {
      onStatus('');
      setError(result.error);
    }
    input.current?.focus();
  }

  return (
    // noValidate: the worker's message for a bad address is clearer than the browser's bubble.
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
          placeholder="https://example.com/feed.xml"
          aria-describedby="feed-url-hint"
          aria-invalid={error ? true : undefined}
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('subscribe')}
        </button>
      </div>
      <p id="feed-url-hint" class="hint">{t('feedUrlHint')}</p>
      {error && (
        <ErrorAlert error={error}>
          {error.alternates && error.alternates.length > 0 && (
            <>
              <p>{t('alternatesIntro')}</p>
              <ul>
                {error.alternates.map((alternate) => (
                  <li key={alternate}>
                    <button type="button" disabled={busy} onClick={() => submit(alternate)}>
                      {t('subscribeTo', alternate)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </ErrorAlert>
      )}
    </form>
  );
}
