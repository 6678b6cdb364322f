// URL resolution shared by every format.

/** `href` resolved against `base`; the trimmed href itself when it cannot be resolved; undefined if empty. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/\s/.test(trimmed)) return trimmed; // already absolute: keep as written
  try {
    return new URL(trimmed, base || undefined).href;
  } catch {
    return trimmed;
  }
}
