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
  // Images wait for the policy (settings, offline copies): nothing loads against the privacy setting.
  const sanitized = useMemo(() => (html && policy ? sanitizeEntryHtml(html, { baseUrl: entry.url, imageMap: content.imageMap, images: policy }) : undefined), [html, entry.url, content.imageMap, policy]);
  const body = useRef<HTMLDivElement>(null);

  // Runs right after the HTML is inserted, before any image can have failed (errors arrive in later tasks).
  useLayoutEffect(() => (body.current ? attachImageFallbacks(body.current, tabHostHealth()) : undefined), [sanitized]);

  const cover = entry.coverUrl;
  return (
    <article>
      {policy && showsCover(cover, entry.url, sanitized?.images) && <CoverImage url={cover} pageUrl={entry.url} imageMap={content.imageMap} policy={policy} />}
      {sanitized ? (
        <div ref={body} dangerouslySetInnerHTML={{ __html: sanitized.html }} />
      ) : html ? null : content.contentText ? (
        textParagraphs(content.contentText).map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p class="muted">{t('noContent')}</p>
      )}
    </article>
  );
}
