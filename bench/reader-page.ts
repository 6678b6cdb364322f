// Runs in Chromium (bundled by bench/reader.ts): the reader's render of an entry body — sanitize with the one
// config and its hook, rewrite images, links, media and tidy, insert into a connected <article>, attach the
// image fallbacks — beside DOMPurify.sanitize alone (its default config, string out) on the same input.
import DOMPurify from 'dompurify';
import { attachImageFallbacks } from '../src/ui/image-fallback';
import { sanitizeEntryHtml, type SanitizeContext } from '../src/ui/sanitize';

const article = document.querySelector('article')!;
let stop: () => void = () => {};

function render(html: string, context: SanitizeContext): void {
  stop();
  article.replaceChildren(sanitizeEntryHtml(html, context).fragment);
  stop = attachImageFallbacks(article);
}

/** Milliseconds per run of `runs` runs of one contender. */
function time(contender: 'reader' | 'dompurify', html: string, context: SanitizeContext, runs: number): number {
  const start = performance.now();
  for (let run = 0; run < runs; run++) {
    if (contender === 'reader') render(html, context);
    else DOMPurify.sanitize(html);
  }
  return (performance.now() - start) / runs;
}

(window as unknown as { bench: unknown }).bench = { time };
