// A fast, stable, non-cryptographic string hash (FNV-1a style, two 32-bit lanes): de-duplication keys and
// change detection, where collisions cost a missed update at worst and speed matters on every poll.

/** Feeds strings in one after another and gives a 16-hex-digit digest; `add` returns the hasher for chaining. */
export class Hasher {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  /** Mix in `text`, code unit by code unit. */
  add(text: string): this {
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** The digest of everything added so far. */
  digest(): string {
    return `${(this.a >>> 0).toString(16).padStart(8, '0')}${(this.b >>> 0).toString(16).padStart(8, '0')}`;
  }
}

/** The digest of one string. */
export function hashString(text: string): string {
  return new Hasher().add(text).digest();
}
