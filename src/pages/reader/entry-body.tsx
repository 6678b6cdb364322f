// The <article>: sanitized HTML (images rewritten to their CDN candidates, with error fallbacks) or
// plain text as paragraphs, and the cover image when the body does not already show it.
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { BodyRow, EntryRow } from '../../db/model';
import { t } from '../../ui/i18n';
import { CoverImage, showsCover } from '../../ui/image-cover';
import { attachImageFallbacks } from '../../ui/image-fallback';
import { tabHostHealth, useImagePolicy } from '../../ui/image-policy';
import { sanitizeEntryHtml } from '../../ui/sanitize';
import { textParagraphs } from './paragraphs';

/** The entry's body inside <article>. */
export function EntryBody({ entry, body: content }: { entry: EntryRow; body: BodyRow }) {
  const html = content.contentHtml ?? content.summaryHtml;
  const policy = useImagePolicy(entry.id);
  // Every live update brings a new row object with the same content: sanitize again only when the content,
  // the address or the CDN map (compared by value) changed, or the image policy did.
  const mapKey = content.imageMap ? JSON.stringify(content.imageMap) : '';
  // Images wait for the policy (settings, offline copies): nothing loads against the privacy setting.
  const sanitized = useMemo(() => (html && policy ? sanitizeEntryHtml(html, { baseUrl: entry.url, imageMap: content.imageMap, images: policy }) : undefined), [html, entry.url, mapKey, policy]);
  const body = useRef<HTMLDivElement>(null);

  // The one place feed HTML enters the page: the sanitized fragment, moved in as is. Fallbacks are attached
  // in the same task, before any image can have failed (errors arrive in later tasks).
  useLayoutEffect(() => {
    const container = body.current;
    if (!container || !sanitized) return undefined;
    container.replaceChildren(sanitized.fragment);
    return attachImageFallbacks(container, tabHostHealth());
  }, [sanitized]);

  const cover = entry.coverUrl;
  return (
    <article>
      {policy && showsCover(cover, entry.url, sanitized?.images) && <CoverImage url={cover} pageUrl={entry.url} imageMap={content.imageMap} policy={policy} />}
      {sanitized ? (
        <div ref={body} class="entry-content" />
      ) : html ? null : content.contentText ? (
        textParagraphs(content.contentText).map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p class="muted">{t('noContent')}</p>
      )}
    </article>
  );
}
