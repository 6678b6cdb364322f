// Small readers for untrusted JSON values.

/** A JSON object whose fields are not trusted yet. */
export type Json = Record<string, unknown>;

/** The value when it is a non-blank string, trimmed; otherwise undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a value is a plain JSON object. */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
