// The <article>: sanitized HTML (images rewritten to their CDN candidates, with error fallbacks) or
// plain text as paragraphs, and the cover image when the body does not already show it. The HTML is the
// feed's, or the full article the user loaded (its own address then resolves links and pictures).
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { BodyRow, EntryRow, StoredArticle } from '../../db/model';
import { t } from '../../ui/i18n';
import { CoverImage, showsCover } from '../../ui/image-cover';
import { attachImageFallbacks } from '../../ui/image-fallback';
import { tabHostHealth, useImagePolicy } from '../../ui/image-policy';
import { sanitizeEntryHtml } from '../../ui/sanitize';
import { textParagraphs } from './paragraphs';

/** Props: the entry's list row and body, the full article when it is the one shown, the entry's language. */
export interface EntryBodyProps {
  entry: EntryRow;
  body: BodyRow;
  article?: StoredArticle | undefined;
  lang?: string;
  /** Called once the body is on the page (scroll memory waits for it). */
  onShown?: () => void;
}

/** The entry's body inside <article>. */
export function EntryBody({ entry, body: content, article, lang = '', onShown }: EntryBodyProps) {
  const html = article?.html ?? content.contentHtml ?? content.summaryHtml;
  const baseUrl = article?.url ?? entry.url;
  const policy = useImagePolicy(entry.id);
  // Every live update brings a new row object with the same content: sanitize again only when the content,
  // the address or the CDN map (compared by value) changed, or the image policy did.
  const mapKey = content.imageMap ? JSON.stringify(content.imageMap) : '';
  // Images wait for the policy (settings, offline copies): nothing loads against the privacy setting.
  const sanitized = useMemo(() => (html && policy ? sanitizeEntryHtml(html, { baseUrl, imageMap: content.imageMap, images: policy }) : undefined), [html, baseUrl, mapKey, policy]);
  const container = useRef<HTMLDivElement>(null);

  // The one place feed HTML enters the page: the sanitized fragment, moved in as is. Fallbacks are attached
  // in the same task, before any image can have failed (errors arrive in later tasks).
  useLayoutEffect(() => {
    const target = container.current;
    if (!target || !sanitized) return undefined;
    target.replaceChildren(sanitized.fragment);
    const stop = attachImageFallbacks(target, tabHostHealth());
    onShown?.();
    return stop;
  }, [sanitized]);
  // Plain text, or nothing to show: on the page with the first render.
  useLayoutEffect(() => {
    if (!html) onShown?.();
  }, [html, entry.id]);

  const cover = entry.coverUrl;
  return (
    <article lang={lang}>
      {policy && showsCover(cover, entry.url, sanitized?.images) && <CoverImage url={cover} pageUrl={entry.url} imageMap={content.imageMap} policy={policy} />}
      {sanitized ? (
        <div ref={container} class="entry-content" />
      ) : html ? null : content.contentText ? (
        textParagraphs(content.contentText).map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p class="muted">{t('noContent')}</p>
      )}
    </article>
  );
}
