// When a redirect "holds" and the stored address follows it: at once when the browser said 301 or 308, or
// after the same target served the feed on several polls in a row when it could not say. A redirect the
// browser called temporary (302, 303, 307) never moves the stored address; it is remembered with a count of 0,
// so the next poll watches the hops from its first request.
import type { Served } from './fetcher';

/** Polls in a row that must end at the same target before an unexplained redirect is taken as permanent. */
export const REDIRECT_HOLD_POLLS = 3;

/** A redirect seen on earlier polls: from which stored address, to where, how many polls in a row it served
 * without the browser saying whether it was permanent (0: the browser called it temporary). */
export interface RedirectStreak {
  from: string;
  to: string;
  count: number;
}

/** What to do after a poll of `requested` was served from `served`: move the address, or count the streak. */
export interface RedirectDecision {
  /** The address to store instead of `requested`. */
  adopt?: string;
  /** The streak to remember (undefined: forget it). */
  streak?: RedirectStreak;
}

/** Decide for one successful poll of `requested` (one of the feed's addresses). */
export function redirectDecision(requested: string, served: Served, previous: RedirectStreak | undefined): RedirectDecision {
  if (!served.redirected || served.url === requested) return {};
  if (served.permanent === true) return { adopt: served.url };
  if (served.permanent === false) return { streak: { from: requested, to: served.url, count: 0 } };
  const count = previous?.from === requested && previous.to === served.url ? previous.count + 1 : 1;
  return count >= REDIRECT_HOLD_POLLS ? { adopt: served.url } : { streak: { from: requested, to: served.url, count } };
}
