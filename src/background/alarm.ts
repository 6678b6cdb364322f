// The periodic alarm that wakes the worker to poll due feeds.
import browser from 'webextension-polyfill';
import { ALARM_PERIOD_MINUTES } from './schedule-policy';

/** The alarm's name; onAlarm ignores any other. */
export const POLL_ALARM = 'poll-feeds';

/** Create the poll alarm unless it exists: recreating it would push every pending wake-up back. */
export async function ensurePollAlarm(): Promise<void> {
  if (await browser.alarms.get(POLL_ALARM)) return;
  await browser.alarms.create(POLL_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_PERIOD_MINUTES });
}
