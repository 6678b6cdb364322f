// Dates for the demo feeds, counted back from the moment the server starts, so the popup reads
// "40 minutes ago" rather than the day the demo was written.

/** Epoch milliseconds `minutes` before `now`. */
export function minutesAgo(now: number, minutes: number): number {
  return now - minutes * 60_000;
}

/** RFC 822 date as RSS and the mirror job's `publishedDate` write it. */
export function rfc822(at: number): string {
  return new Date(at).toUTCString().replace(/GMT$/, '+0000');
}

/** The mirror job's naive local time ("YYYY-MM-DD HH:mm:ss" in China Standard Time, UTC+8). */
export function chinaLocal(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
