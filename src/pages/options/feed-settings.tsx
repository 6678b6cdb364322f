// A feed's own settings, opened in its row: name, check interval, time zone, retention and notifications
// (saved together, sending only what changed), pause or resume (at once), its addresses (mirrors-editor.tsx), and what the worker
// knows: last check, last success, which address answered, next check, failures in a row.
import { useState } from 'preact/hooks';
import { feedDisplayTitle, type FeedCountRow, type FeedRow } from '../../db/model';
import { feedById } from '../../db/queries';
import type { AppError } from '../../shared/errors';
import { FEED_LIMITS } from '../../shared/feed-limits';
import type { FeedPatch } from '../../shared/messages';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { command } from '../../ui/send';
import { useSettings } from '../../ui/settings';
import { when } from './feed-status';
import { MirrorsEditor } from './mirrors-editor';
import { NotifyChoice } from './notify-choice';
import { intervalText } from './settings-section';

const INTERVALS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 4320, 10080];

/** Props: the panel's id (the Settings button controls it), the feed, its counts, where to announce. */
export interface FeedSettingsProps {
  id: string;
  feed: FeedRow;
  counts: FeedCountRow | undefined;
  onStatus: (text: string) => void;
}

/** The panel as a feed row opens it: it follows the feed live itself (the row is drawn again only when its own
 * line changes), starting from the row's copy. */
export function LiveFeedSettings(props: FeedSettingsProps) {
  const feedId = props.feed.id;
  const live = useLiveQuery(() => feedById(feedId), [feedId]);
  const feed = live.status === 'ready' && live.value ? live.value : props.feed;
  return <FeedSettings {...props} feed={feed} />;
}

/** The panel. Text fields start from the stored values; empty means "as the global setting". */
export function FeedSettings({ id, feed, counts, onStatus }: FeedSettingsProps) {
  const global = useSettings();
  const [name, setName] = useState(feed.customTitle ?? '');
  const [interval, setIntervalText] = useState(feed.intervalMinutes === undefined ? '' : String(feed.intervalMinutes));
  const [zone, setZone] = useState(feed.timeZone ?? '');
  const [days, setDays] = useState(feed.keepDays === undefined ? '' : String(feed.keepDays));
  const [count, setCount] = useState(feed.keepCount === undefined ? '' : String(feed.keepCount));
  const [notify, setNotify] = useState(feed.notify === 1);
  const [error, setError] = useState<AppError | undefined>();
  const [busy, setBusy] = useState(false);
  const field = (key: string) => `${id}-${key}`;
  const number = (text: string) => (text.trim() === '' ? null : Number(text));

  async function send(patch: FeedPatch, done: string) {
    setBusy(true);
    setError(undefined);
    const result = await command('update-feed', { feedId: feed.id, patch });
    setBusy(false);
    if (result.ok) onStatus(done);
    else setError(result.error);
  }

  function save(event: Event) {
    event.preventDefault();
    const form: FeedPatch = { customTitle: name.trim() || null, intervalMinutes: number(interval), timeZone: zone.trim() || null, keepDays: number(days), keepCount: number(count), notify };
    void send(changedFields(feed, form), t('feedSettingsSaved', name.trim() || feedDisplayTitle({ ...feed, customTitle: undefined })));
  }

  const checked = when(feed.lastFetchedAt);
  const success = when(feed.lastSuccessAt);
  const next = when(feed.paused === 1 ? undefined : feed.nextPollAt || Date.now());
  return (
    <div class="feed-settings" id={id} role="region" aria-label={t('feedSettingsRegion', feedDisplayTitle(feed))}>
      <form onSubmit={save}>
        <div class="field">
          <label for={field('name')}>{t('feedNameLabel')}</label>
          <input id={field('name')} type="text" value={name} placeholder={feed.title} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={field('interval')}>{t('feedIntervalLabel')}</label>
          <select id={field('interval')} value={interval} onChange={(event) => setIntervalText(event.currentTarget.value)}>
            <option value="">
              {t('asGlobal', global ? intervalText(global.pollIntervalMinutes) : '…')}
            </option>
            {[...new Set([...INTERVALS, feed.intervalMinutes ?? 30])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {intervalText(minutes)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={field('zone')}>{t('feedZoneLabel')}</label>
          <input id={field('zone')} type="text" value={zone} placeholder="Asia/Shanghai, +08:00" aria-describedby={field('zone-hint')} onInput={(event) => setZone(event.currentTarget.value)} />
          <p id={field('zone-hint')} class="hint">
            {t('feedZoneHint')}
          </p>
        </div>
        <div class="field inline">
          <label for={field('days')}>{t('keepDaysLabel')}</label>
          <input id={field('days')} type="number" min={0} max={FEED_LIMITS.maxKeepDays} value={days} placeholder={global ? String(global.keepDays) : ''} onInput={(event) => setDays(event.currentTarget.value)} />
        </div>
        <div class="field inline">
          <label for={field('count')}>{t('keepCountLabel')}</label>
          <input id={field('count')} type="number" min={0} max={FEED_LIMITS.maxKeepCount} value={count} placeholder={global ? String(global.keepCount) : ''} onInput={(event) => setCount(event.currentTarget.value)} />
        </div>
        <NotifyChoice id={field('notify')} checked={notify} onChange={setNotify} />
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {t('saveFeedSettings')}
          </button>
          {feed.paused === 1 ? (
            <button type="button" disabled={busy} onClick={() => void send({ paused: false }, t('feedResumed', feedDisplayTitle(feed)))}>
              {t('resumeFeed')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void send({ paused: true }, t('feedPaused', feedDisplayTitle(feed)))}>
              {t('pauseFeed')}
            </button>
          )}
        </div>
        {error && <ErrorAlert error={error} />}
      </form>
      <MirrorsEditor feed={feed} onStatus={onStatus} />
      <dl class="facts">
        <dt>{t('factChecked')}</dt>
        <dd title={checked.full}>{checked.text}</dd>
        <dt>{t('factSucceeded')}</dt>
        <dd title={success.full}>{success.text}</dd>
        <dt>{t('factServedBy')}</dt>
        <dd class="url">{feed.servedUrl ?? feed.url}</dd>
        <dt>{t('factNext')}</dt>
        <dd title={next.full}>{feed.paused === 1 ? t('statusPaused') : next.text}</dd>
        <dt>{t('factFailures')}</dt>
        <dd>{feed.errorCount}</dd>
        <dt>{t('factEntries')}</dt>
        <dd>{counts ? tPlural('feedCounts', counts.total, counts.unread, counts.starred) : '0'}</dd>
      </dl>
    </div>
  );
}

/** The fields of `form` that differ from what `feed` stores: Save sends only those, so saving a new name does not
 * send the interval again (the worker reschedules a feed whose interval changed). */
function changedFields(feed: FeedRow, form: FeedPatch): FeedPatch {
  const stored: FeedPatch = { customTitle: feed.customTitle ?? null, intervalMinutes: feed.intervalMinutes ?? null, timeZone: feed.timeZone ?? null, keepDays: feed.keepDays ?? null, keepCount: feed.keepCount ?? null, notify: feed.notify === 1 };
  return Object.fromEntries(Object.entries(form).filter(([key, value]) => stored[key as keyof FeedPatch] !== value)) as FeedPatch;
}
