// The one alarm that wakes the worker: at the next feed's due time, every ALARM_PERIOD_MINUTES as a safety
// net, and RESUME_MS ahead while a round runs (moved forward by each keepalive tick), so a worker killed
// mid-round is woken again to finish it.
import browser from 'webextension-polyfill';
import { ALARM_PERIOD_MINUTES } from './schedule-policy';

/** The alarm's name; onAlarm ignores any other. */
export const POLL_ALARM = 'poll-feeds';

/** How soon a killed round wakes the worker again: Chrome's shortest delay for a packed extension. */
export const RESUME_MS = 30_000;

/** Set the one alarm to fire at `when` (and every period after). */
export type ArmAlarm = (when: number) => Promise<void>;

/** The browser's alarm. */
export const armPollAlarm: ArmAlarm = async (when) => {
  await browser.alarms.create(POLL_ALARM, { when, periodInMinutes: ALARM_PERIOD_MINUTES });
};

/** Create the alarm unless it exists (the browser may drop alarms on update): run at the worker's top level. */
export async function ensurePollAlarm(): Promise<void> {
  if (await browser.alarms.get(POLL_ALARM)) return;
  await browser.alarms.create(POLL_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_PERIOD_MINUTES });
}
