// The entry's cover picture above the body, through the same candidates, loading policy, fallbacks and offline
// copies as the body's images. Shown unless the body's lead (first) picture is the same one.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { imageKey, type ImageMap } from '../images';
import { watchImage } from './image-fallback';
import { tabHostHealth } from './image-policy';
import { imagePlan, setImage, type ImagePolicy, type RewrittenImages } from './image-rewrite';

/** Props: the cover's address, the entry's address and CDN map, and the image policy. */
export interface CoverProps {
  url: string;
  pageUrl?: string;
  imageMap?: ImageMap;
  policy?: ImagePolicy;
}

/** True when the cover goes above the body: it is usable and is not the body's lead picture. */
export function showsCover(url: string | undefined, pageUrl: string | undefined, body: RewrittenImages | undefined): url is string {
  if (!url) return false;
  const key = imageKey(url, pageUrl);
  return key !== undefined && body?.leadingKey !== key;
}

/** The cover picture; its <img> is made outside Preact, since a "Load image" button may be put before it. */
export function CoverImage({ url, pageUrl, imageMap, policy }: CoverProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = box.current;
    if (!container) return undefined;
    const plan = imagePlan(url, { pageUrl, imageMap, policy });
    if (plan.now.length + plan.onClick.length === 0) return undefined;
    const img = container.ownerDocument.createElement('img');
    img.alt = '';
    setImage(img, plan);
    container.replaceChildren(img);
    const stop = watchImage(img, tabHostHealth());
    return () => {
      stop();
      container.replaceChildren();
    };
  }, [url, pageUrl, imageMap, policy]);
  return <div class="cover" ref={box} />;
}
