// The pictures an entry's HTML shows, read without a DOM (the Chrome worker has none): what the worker keeps
// offline. The same choice of attribute as the reader's rewrite makes (lazy.ts), so the keys agree.
import { Parser } from 'htmlparser2';
import { imageSource } from './lazy';

/** The image addresses (as written, HTML-decoded) of every <img> and <video poster> in `html`, in order, once each. */
export function htmlImageSources(html: string): string[] {
  const found = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'img') {
          const { src } = imageSource(attributes);
          if (src) found.add(src);
        } else if (name === 'video') {
          const poster = attributes['poster']?.trim() || attributes['data-poster']?.trim();
          if (poster) found.add(poster);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return [...found];
}
