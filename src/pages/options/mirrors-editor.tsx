// A feed's addresses — a mirror and its origin, or several mirrors — in the order the worker tries them:
// move up or down, remove, add, and test one (fetched now, nothing stored). The address that answered last
// is marked. Each change is saved at once through update-feed.
import { useState } from 'preact/hooks';
import type { FeedRow } from '../../db/model';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural } from '../../ui/i18n';
import { command } from '../../ui/send';
import { errorText } from '../../ui/user-error';

type Tested = { ok: true; text: string } | { ok: false; text: string };

/** The list of addresses and the form to add one. */
export function MirrorsEditor({ feed, onStatus }: { feed: FeedRow; onStatus: (text: string) => void }) {
  const [added, setAdded] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const [tested, setTested] = useState<Record<string, Tested | 'testing'>>({});
  const input = `mirror-add-${feed.id}`;

  async function save(urls: string[], done: string): Promise<boolean> {
    setError(undefined);
    const result = await command('update-feed', { feedId: feed.id, patch: { urls } });
    if (!result.ok) setError(result.error);
    else onStatus(done);
    return result.ok;
  }

  function move(index: number, offset: -1 | 1) {
    const urls = [...feed.urls];
    [urls[index], urls[index + offset]] = [urls[index + offset]!, urls[index]!];
    void save(urls, t('mirrorMoved', feed.urls[index]!));
  }

  async function test(url: string) {
    setTested((all) => ({ ...all, [url]: 'testing' }));
    const result = await command('preview-feed', { url });
    const outcome: Tested = result.ok
      ? { ok: true, text: tPlural('mirrorWorks', result.value.entryCount, result.value.title || url) }
      : { ok: false, text: errorText(result.error) };
    setTested((all) => ({ ...all, [url]: outcome }));
  }

  return (
    <section class="mirrors" aria-labelledby={`${input}-heading`}>
      <h4 id={`${input}-heading`}>{t('mirrorsHeading')}</h4>
      <ol>
        {feed.urls.map((url, index) => {
          const result = tested[url];
          return (
            <li key={url}>
              <span class="url">{url}</span>
              {url === (feed.servedUrl ?? feed.url) && <span class="badge">{t('mirrorServed')}</span>}
              <span class="buttons">
                <button type="button" disabled={index === 0} aria-label={t('mirrorUp', url)} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" disabled={index === feed.urls.length - 1} aria-label={t('mirrorDown', url)} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" aria-label={t('mirrorTest', url)} aria-busy={result === 'testing'} onClick={() => void test(url)}>
                  {t('test')}
                </button>
                <button type="button" disabled={feed.urls.length === 1} aria-label={t('mirrorRemove', url)} onClick={() => void save(feed.urls.filter((other) => other !== url), t('mirrorRemoved', url))}>
                  {t('remove')}
                </button>
              </span>
              {result && result !== 'testing' && (
                <p class={result.ok ? 'hint' : 'state problem'} aria-live="polite">
                  {result.text}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (added.trim() === '') return;
          void save([...feed.urls, added.trim()], t('mirrorAdded', added.trim())).then((ok) => ok && setAdded(''));
        }}
      >
        <label for={input}>{t('mirrorAddLabel')}</label>
        <input id={input} type="text" inputMode="url" value={added} placeholder="https://mirror.example/feed.xml" onInput={(event) => setAdded(event.currentTarget.value)} />
        <button type="submit">{t('mirrorAdd')}</button>
      </form>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
