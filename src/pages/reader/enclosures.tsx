// An entry's attachments: a podcast's audio as a player, a video inline, any other file as a link with its size.
// Only web addresses; a file the body already plays gets its link, not a second player.
import type { Enclosure } from '../../feeds/model';
import { httpUrl } from '../../shared/url';
import { t, uiLocale } from '../../ui/i18n';

const AUDIO = /\.(?:mp3|m4a|m4b|aac|oga|ogg|opus|wav|flac)$/i;
const VIDEO = /\.(?:mp4|m4v|webm|mov|ogv)$/i;

/** How an attachment is shown. */
export type AttachmentKind = 'audio' | 'video' | 'file';

/** Audio or video by its MIME type, else by its file extension; anything else is a file. */
export function attachmentKind(enclosure: Pick<Enclosure, 'url' | 'type'>): AttachmentKind {
  const type = enclosure.type?.toLowerCase() ?? '';
  const path = (() => {
    try {
      return new URL(enclosure.url).pathname;
    } catch {
      return '';
    }
  })();
  // Feeds often give no type, or a generic one: then the extension tells.
  const byExtension = !type.includes('/') || type === 'application/octet-stream';
  if (type.startsWith('audio/') || (byExtension && AUDIO.test(path))) return 'audio';
  if (type.startsWith('video/') || (byExtension && VIDEO.test(path))) return 'video';
  return 'file';
}

/** The file's name as the address gives it ("episode-12.mp3"), else its host. */
export function fileName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    if (!last) return parsed.hostname;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  } catch {
    return url;
  }
}

/** A size for people, in the reader's language: "820 KB", "12.4 MB". */
export function fileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit >= 2 ? 1 : 0 }).format(value);
}

/** The attachments section, or nothing when the entry has none with a web address. */
export function Enclosures({ enclosures, bodyHtml }: { enclosures: Enclosure[]; bodyHtml: string }) {
  const items = enclosures.flatMap((enclosure) => {
    const url = httpUrl(enclosure.url);
    return url ? [{ ...enclosure, url, kind: attachmentKind({ ...enclosure, url }) }] : [];
  });
  if (items.length === 0) return null;
  const locale = uiLocale();
  return (
    <section class="enclosures" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments')}</h2>
      <ul>
        {items.map((item) => {
          const name = fileName(item.url);
          const label = item.length ? t('attachmentWithSize', name, fileSize(item.length, locale)) : name;
          const player = !bodyHtml.includes(item.url);
          return (
            <li key={item.url}>
              {player && item.kind === 'audio' && <audio controls preload="metadata" src={item.url} aria-label={name} />}
              {player && item.kind === 'video' && <video controls preload="metadata" playsInline src={item.url} aria-label={name} />}
              <a href={item.url} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
