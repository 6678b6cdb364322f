// Links in sanitized HTML: absolute web, mail and phone addresses only; web links open in a new tab with
// neither opener nor referrer. Runs on the sanitized tree; sets only values it computed.
import { httpUrl } from '../shared/url';

const MAIL_OR_PHONE = /^(?:mailto|tel):/i;

/** Make `link` safe to click: absolute http(s) (resolved against `baseUrl`), mailto or tel; else no href. */
export function secureLink(link: Element, baseUrl: string | undefined): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  link.setAttribute('rel', 'noopener noreferrer');
  if (MAIL_OR_PHONE.test(href.trim())) return;
  // A relative href would resolve against the extension page, never what the author meant.
  const absolute = httpUrl(href.trim(), baseUrl);
  if (!absolute) {
    link.removeAttribute('href');
    link.removeAttribute('rel');
    return;
  }
  link.setAttribute('href', absolute);
  link.setAttribute('target', '_blank');
}
