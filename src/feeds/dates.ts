// Feed dates → epoch milliseconds (UTC). Accepts RFC 822 and its common mistakes, RFC 3339 / ISO 8601 /
// W3C-DTF, asctime, naive "YYYY-MM-DD HH:mm[:ss]" (read in the feed's time zone) and epoch numbers.
// Anything else is undefined: never NaN, never "now".
import { zoneOffsetMinutes } from './time-zone';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// RFC 822 zone names plus the North American and European abbreviations feeds use in practice.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, 'etc/gmt': 0, wet: 0, bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120,
  eest: 180, msk: 180, ist: 330, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, aest: 600, nzst: 720,
  edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480, akst: -540,
  akdt: -480, hst: -600, adt: -180, ast: -240, at: -240, et: -300, ct: -360, mt: -420, pt: -480,
};

/** Parses a feed date; `timeZone` (IANA name or ±HH:MM) applies to dates that carry no zone. */
export function parseDate(raw: string | number | undefined | null, timeZone?: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const text = raw.trim();
  if (text === '' || text.length > 100) return undefined; // no real date is longer
  if (/^\d{12,14}$/.test(text)) return Number(text); // epoch milliseconds
  return parseIso(text, timeZone) ?? parseRfc822(text, timeZone) ?? parseAsctime(text, timeZone) ?? parseCjk(text, timeZone) ?? parseSlashed(text, timeZone);
}

// Korean blogs (2004년 05월 28일 01:31:15, 2004-05-25 오후 11:23:17) are in KST; 年月日 dates use the feed's zone.
const CJK = /^(\d{4})\s*[年년-]\s*(\d{1,2})\s*[月월-]\s*(\d{1,2})\s*[日일]?\s*(오전|오후|上午|下午)?\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseCjk(text: string, timeZone?: string): number | undefined {
  const m = CJK.exec(text);
  if (!m) return undefined;
  const korean = /[년월일]|오[전후]/.test(text);
  let hour = Number(m[5] ?? 0);
  if ((m[4] === '오후' || m[4] === '下午') && hour < 12) hour += 12;
  return instant(Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[6] ?? 0), Number(m[7] ?? 0), korean ? 540 : undefined, timeZone);
}

// Perforce-style "Fri, 2006/09/15 08:19:53 EDT".
const SLASHED = /^(?:[a-z]+,?\s*)?(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;

function parseSlashed(text: string, timeZone?: string): number | undefined {
  const m = SLASHED.exec(text);
  if (!m) return undefined;
  const zone = zoneMinutes(m[7]);
  if (zone === null) return undefined;
  const naive = m[4] !== undefined && zone === undefined;
  return instant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), naive ? undefined : (zone ?? 0), timeZone);
}

/** Builds a UTC instant from fields; `offset` in minutes east of UTC, or a zone for naive times. */
function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number | undefined, timeZone?: string): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60) return undefined;
  if (h === 24 && (mi > 0 || s > 0)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, Math.min(s, 59), 0);
  const local = date.getTime();
  const zone = offset ?? (timeZone ? zoneOffsetMinutes(timeZone, local) : 0);
  if (zone === undefined) return undefined;
  const value = local - zone * 60_000;
  return Number.isFinite(value) ? value : undefined;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() + (month === 2 && !isLeap(year) ? -1 : 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "+08:00", "-0500", "Z", "GMT-01:01", "EST" → minutes east of UTC; null when present but invalid. */
function zoneMinutes(zone: string | undefined): number | undefined | null {
  if (zone === undefined || zone === '') return undefined;
  const trimmed = zone.trim().toLowerCase();
  if (trimmed in ZONES) return ZONES[trimmed];
  const numeric = /^(?:gmt|utc|ut)?([+-])(\d{1,2}):?(\d{2})?$/.exec(trimmed);
  if (!numeric) return null;
  const hours = Number(numeric[2]);
  const minutes = Number(numeric[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const ISO = /^(\d{4})(?:-?(\d{2,3})(?:-?(\d{2}))?)?(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIso(text: string, timeZone?: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  let month = m[2] === undefined ? 1 : Number(m[2]);
  let day = m[3] === undefined ? 1 : Number(m[3]);
  if (m[2]?.length === 3 && m[3] === undefined) {
    // Ordinal date: YYYY-DDD.
    const date = new Date(Date.UTC(year, 0, Number(m[2])));
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
  }
  const zone = zoneMinutes(m[7]);
  if (zone === null) return undefined;
  // A date without a time is midnight UTC, the way W3C-DTF readers take it.
  const naive = m[4] !== undefined && zone === undefined;
  return instant(year, month, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), naive ? undefined : (zone ?? 0), timeZone);
}

const RFC822 = /^(?:[a-z]+\s*,?\s*)?(\d{1,2})\s+([a-z]+)\s*,?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*(.*)$/i;

function parseRfc822(text: string, timeZone?: string): number | undefined {
  const m = RFC822.exec(text.replace(/,(?=\S)/, ', '));
  if (!m) return undefined;
  const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined || (m[2] ?? '').length > 3 && !/^[a-z]+$/i.test(m[2] ?? '')) return undefined;
  const year = expandYear(m[3] ?? '');
  const zone = zoneMinutes(m[7]);
  if (zone === null) return undefined;
  const naive = m[4] !== undefined && zone === undefined;
  return instant(year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), naive ? undefined : (zone ?? 0), timeZone);
}

// Two-digit years: 00–69 → 2000s, 70–99 → 1900s (the POSIX strptime pivot).
function expandYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(?:(\d{1,2}):(\d{2}):(\d{2})\s+)?(?:([+-]\d{4}|[a-z]{1,5})\s+)?(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?(?:\s*\(.*\))?$/i;

function parseAsctime(text: string, timeZone?: string): number | undefined {
  const m = ASCTIME.exec(text);
  if (!m) return undefined;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  if (month === undefined) return undefined;
  const zone = zoneMinutes(m[6] ?? m[11]);
  if (zone === null) return undefined;
  const hasTime = m[3] !== undefined || m[8] !== undefined;
  const naive = hasTime && zone === undefined;
  return instant(Number(m[7]), month, Number(m[2]), Number(m[3] ?? m[8] ?? 0), Number(m[4] ?? m[9] ?? 0), Number(m[5] ?? m[10] ?? 0), naive ? undefined : (zone ?? 0), timeZone);
}
