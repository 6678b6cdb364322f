// Feeds whose last update failed, each with its error in the user's language; collapsed to one line.
import { feedDisplayTitle, type FeedRow } from '../../db/model';
import { tPlural } from '../../ui/i18n';
import { errorText } from '../../ui/user-error';

/** The list of failing feeds among `feeds`, or nothing when none fails. */
export function FailingFeeds({ feeds }: { feeds: FeedRow[] }) {
  const failing = feeds.filter((feed) => feed.lastError !== undefined);
  if (failing.length === 0) return null;
  return (
    <details class="failing-feeds">
      <summary>{tPlural('failingFeeds', failing.length)}</summary>
      <ul>
        {failing.map((feed) => (
          <li key={feed.id}>
            <strong>{feedDisplayTitle(feed)}</strong>: {errorText(feed.lastError!)}
          </li>
        ))}
      </ul>
    </details>
  );
}
