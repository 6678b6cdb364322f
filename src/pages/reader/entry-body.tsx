// The <article>: sanitized HTML (images rewritten to their CDN candidates, with error fallbacks) or
// plain text as paragraphs, and the cover image when the body does not already show it.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BodyRow, EntryRow } from '../../db/model';
import { originalOf, urlCandidates } from '../../images/candidates';
import { t } from '../../ui/i18n';
import { attachImageFallbacks } from '../../ui/image-fallback';
import { sanitizeEntryHtml } from '../../ui/sanitize';
import { textParagraphs } from './paragraphs';

/** The entry's body inside <article>. */
export function EntryBody({ entry, body: content }: { entry: EntryRow; body: BodyRow }) {
  const html = content.contentHtml ?? content.summaryHtml;
  const sanitized = useMemo(() => (html ? sanitizeEntryHtml(html, { baseUrl: entry.url, imageMap: content.imageMap }) : undefined), [html, entry.url, content.imageMap]);
  const body = useRef<HTMLDivElement>(null);

  // Runs right after the HTML is inserted, before any image can have failed (errors arrive in later tasks).
  useLayoutEffect(() => (body.current ? attachImageFallbacks(body.current) : undefined), [sanitized]);

  const cover = entry.coverUrl;
  const showCover = cover !== undefined && !sanitized?.images.has(originalOf(cover, entry.url));
  return (
    <article>
      {showCover && <CoverImage key={cover} candidates={urlCandidates(cover, content.imageMap, entry.url)} />}
      {sanitized ? (
        <div ref={body} dangerouslySetInnerHTML={{ __html: sanitized.html }} />
      ) : content.contentText ? (
        textParagraphs(content.contentText).map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p class="muted">{t('noContent')}</p>
      )}
    </article>
  );
}

/** The cover picture, moving down its candidates on error (a listener, not an attribute). */
function CoverImage({ candidates }: { candidates: string[] }) {
  const [index, setIndex] = useState(0);
  const src = candidates[index];
  if (!src) return null;
  return <img src={src} alt="" referrerpolicy="no-referrer" decoding="async" onError={() => setIndex(index + 1)} />;
}
