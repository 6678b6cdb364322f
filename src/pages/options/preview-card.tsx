// A feed as it is now, before subscribing: its title (or address), its site, how many entries it lists
// and the latest few with their dates. Titles are plain text, shown as text.
import type { FeedPreview } from '../../discovery/model';
import { httpUrl } from '../../shared/url';
import { t, tPlural, uiLocale } from '../../ui/i18n';
import { relativeTime } from '../../ui/time';

/** The preview region, named by the feed's title. */
export function PreviewCard({ preview }: { preview: FeedPreview }) {
  const now = Date.now();
  const locale = uiLocale();
  // The site address comes from the fetched feed: a link only when it is a web address.
  const site = preview.siteUrl === undefined ? undefined : httpUrl(preview.siteUrl);
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h4 id="preview-title">{preview.title || preview.url}</h4>
      <p class="hint">
        {site ? (
          <a href={site} target="_blank" rel="noopener noreferrer">
            {preview.siteUrl}
          </a>
        ) : (
          preview.siteUrl || preview.url
        )}
        {' · '}
        {tPlural('previewCount', preview.entryCount)}
      </p>
      {preview.entries.length === 0 ? (
        <p class="muted">{t('previewEmpty')}</p>
      ) : (
        <ul aria-label={t('previewLatest')}>
          {preview.entries.map((entry, index) => (
            <li key={index}>
              <span class="title">{entry.title || t('untitled')}</span>
              {entry.publishedAt !== undefined && <time dateTime={new Date(entry.publishedAt).toISOString()}>{relativeTime(entry.publishedAt, now, locale)}</time>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
