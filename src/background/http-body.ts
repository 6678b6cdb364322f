// A response body read as bytes with a cap, and the hash that tells an unchanged body without parsing it.

/** Thrown by readCapped when a body passes its cap; the fetcher turns it into the 'too-large' outcome. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** Read the body chunk by chunk and give up (cancelling the download) as soon as it passes `maxBytes`. */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  // Content-Length counts compressed bytes, so it can only prove a body too large, never small enough.
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw new BodyTooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** SHA-256 of `bytes`, base64: equal hashes mean the server sent the same document again. */
export async function bodyHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
