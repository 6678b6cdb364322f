// What "find feeds" answers: the feeds found for an address and how each was found, and a feed's preview
// (its title and latest entries) shown before the user subscribes.
import type messages from '../../public/_locales/en/messages.json';
import type { FeedFormat } from '../feeds/model';

/** A message key: site rules name sites and feeds by key, so pages show them in the user's language. */
export type RuleText = keyof typeof messages;

/** How a candidate was found: the address is a feed itself, the page links to it (<link rel="alternate">),
 * a site rule names the site's own feed or an RSSHub route, or a common feed path answered with a feed. */
export type CandidateSource = 'address' | 'page' | 'site-rule' | 'rsshub' | 'common-path';

/** One feed the user may subscribe to; a rule's also carries the site's name and the feed's kind. */
export interface FeedCandidate {
  url: string;
  source: CandidateSource;
  label?: RuleText;
  site?: RuleText;
  /** Present when the worker already fetched the feed while looking. */
  preview?: FeedPreview;
}

/** One entry as a preview lists it. */
export interface PreviewEntry {
  title: string;
  url?: string;
  publishedAt?: number;
}

/** A feed as fetched now: where it was served from, its title (plain text, may be ''), latest entries. */
export interface FeedPreview {
  url: string;
  title: string;
  siteUrl?: string;
  format: FeedFormat;
  entryCount: number;
  entries: PreviewEntry[];
}
