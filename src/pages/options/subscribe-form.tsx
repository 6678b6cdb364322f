// "Feed URL" + "Subscribe". The worker validates and fetches; nothing is stored unless it succeeds. When
// the address is a web page that links to feeds, each one is offered as a button.
import { useRef, useState } from 'preact/hooks';
import type { UserError } from '../../shared/messages';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { command } from '../../ui/send';

/** Props: where to announce success. */
export interface SubscribeFormProps {
  onStatus: (text: string) => void;
}

/** The subscribe form with its busy state and error alert. */
export function SubscribeForm({ onStatus }: SubscribeFormProps) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | undefined>();
  const input = useRef<HTMLInputElement>(null);

  async function subscribe(address: string) {
    const trimmed = address.trim();
    if (trimmed === '') {
      setError({ code: 'invalid-url', message: t('emptyUrl') });
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    onStatus(t('subscribing'));
    const result = await command('subscribe', { url: trimmed });
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
        void subscribe(url);
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
                    <button type="button" disabled={busy} onClick={() => void subscribe(alternate)}>
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
