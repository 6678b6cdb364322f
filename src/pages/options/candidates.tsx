// The feeds found for an address: a radio group when there are several (the first chosen), the chosen
// feed's preview (fetched when the worker has not already), and Subscribe, enabled once a preview shows
// the feed works. A subscribe error (already subscribed, say) shows under the button.
import { useEffect, useState } from 'preact/hooks';
import type { FeedCandidate, FeedPreview } from '../../discovery/model';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { command } from '../../ui/send';
import { PreviewCard } from './preview-card';

/** Props: what the worker found, and what to do once subscribed (with the feed's title, and whether it was a
 * removed feed subscribed again). */
export interface CandidatesProps {
  candidates: FeedCandidate[];
  onSubscribed: (title: string, resumed: boolean) => void;
}

type Loaded = { status: 'loading' } | { status: 'ready'; preview: FeedPreview } | { status: 'error'; error: AppError };

/** The choice, preview and Subscribe button. */
export function Candidates({ candidates, onSubscribed }: CandidatesProps) {
  const [chosen, setChosen] = useState(0);
  const [previews, setPreviews] = useState<Record<string, Loaded>>(() =>
    Object.fromEntries(candidates.flatMap((candidate) => (candidate.preview ? [[candidate.url, { status: 'ready', preview: candidate.preview }]] : []))),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const candidate = candidates[chosen] ?? candidates[0];
  const loaded = candidate ? previews[candidate.url] : undefined;

  useEffect(() => {
    if (!candidate || loaded) return;
    const url = candidate.url;
    setPreviews((all) => ({ ...all, [url]: { status: 'loading' } }));
    void command('preview-feed', { url }).then((result) =>
      setPreviews((all) => ({ ...all, [url]: result.ok ? { status: 'ready', preview: result.value } : { status: 'error', error: result.error } })),
    );
  }, [candidate?.url]);

  if (!candidate) return null;

  async function subscribe(preview: FeedPreview) {
    setBusy(true);
    setError(undefined);
    // The address the feed was served from: a redirect already followed is not followed again.
    const result = await command('subscribe', { url: preview.url });
    setBusy(false);
    if (result.ok) onSubscribed(result.value.title, result.value.resumed === true);
    else setError(result.error);
  }

  return (
    <section class="candidates" aria-labelledby="candidates-heading">
      <h3 id="candidates-heading">{t('feedsFoundHeading')}</h3>
      {candidates.length > 1 && (
        <fieldset>
          <legend class="visually-hidden">{t('chooseFeed')}</legend>
          {candidates.map((item, index) => (
            <label key={item.url} class="candidate">
              <input
                type="radio"
                name="candidate"
                checked={index === chosen}
                onChange={() => {
                  setChosen(index);
                  setError(undefined);
                }}
              />
              <span class="name">{candidateName(item, previews[item.url])}</span>
              <span class="source">{sourceText(item)}</span>
              <span class="url">{item.url}</span>
            </label>
          ))}
        </fieldset>
      )}
      {candidates.length === 1 && <p class="source">{sourceText(candidate)}</p>}
      {loaded?.status === 'loading' && <p class="muted">{t('loadingPreview')}</p>}
      {loaded?.status === 'error' && <ErrorAlert error={loaded.error} />}
      {loaded?.status === 'ready' && (
        <>
          <PreviewCard preview={loaded.preview} />
          <button type="button" class="primary" disabled={busy} aria-busy={busy} onClick={() => void subscribe(loaded.preview)}>
            {t('subscribe')}
          </button>
        </>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}

/** A candidate's name: its feed's title once previewed, else what the rule calls it, else its address. */
function candidateName(candidate: FeedCandidate, loaded: Loaded | undefined): string {
  if (loaded?.status === 'ready' && loaded.preview.title) return loaded.preview.title;
  if (candidate.label && candidate.site) return `${t(candidate.site)} · ${t(candidate.label)}`;
  return candidate.url;
}

/** How the candidate was found, in words. */
function sourceText(candidate: FeedCandidate): string {
  const rule = candidate.site && candidate.label ? `${t(candidate.site)} · ${t(candidate.label)}` : '';
  switch (candidate.source) {
    case 'address':
      return t('sourceAddress');
    case 'page':
      return t('sourcePage');
    case 'common-path':
      return t('sourceCommonPath');
    case 'site-rule':
      return t('sourceSiteRule', rule);
    case 'rsshub':
      return t('sourceRsshub', rule);
  }
}
