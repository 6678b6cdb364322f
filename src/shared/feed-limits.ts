// Bounds of the per-feed settings, shared by the options page (its inputs), update-feed and backups.

/** Interval in minutes (the worker never polls more often than every 5 minutes), retention limits. */
export const FEED_LIMITS = { minIntervalMinutes: 5, maxIntervalMinutes: 7 * 24 * 60, maxKeepDays: 3650, maxKeepCount: 100_000 } as const;
