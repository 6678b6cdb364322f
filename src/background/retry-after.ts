// The Retry-After header (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date.

/** When `value` says to try again, as epoch ms; undefined when absent or unreadable. Never before `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return now + Number(text) * 1000;
  // An HTTP-date (IMF-fixdate; the obsolete RFC 850 and asctime forms parse the same way). A bare
  // number-like text such as "1.5" or "-3" is neither form.
  if (!/[a-z]/i.test(text)) return undefined;
  // HTTP dates are always GMT; the asctime form does not say so, and Date.parse would read it as local time.
  const at = Date.parse(/\b(GMT|UTC)\b/i.test(text) ? text : `${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(at, now);
}
