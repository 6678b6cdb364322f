// Offsets of a per-feed time-zone setting, for dates written without one.

/** Minutes east of UTC for an IANA zone or "±HH:MM" at the given instant; undefined if unknown. */
export function zoneOffsetMinutes(timeZone: string, atUtcMs: number): number | undefined {
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(timeZone.trim());
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? '0'));
  let format: Intl.DateTimeFormat;
  try {
    format = formatterFor(timeZone);
  } catch {
    return undefined; // not a zone this runtime knows
  }
  // Two passes: the offset at the naive instant, then at the corrected one (right across DST changes).
  const first = offsetAt(format, atUtcMs);
  const second = offsetAt(format, atUtcMs - first * 60_000);
  return second;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function offsetAt(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(utcMs)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}
