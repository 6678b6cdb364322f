import { describe, expect, it } from 'vitest';
import { isRedirectLoop, redirectPermanence } from '../../../src/background/redirect-chain';

const A = 'https://a.example/feed';
const B = 'https://b.example/feed';
const C = 'https://c.example/rss';

describe('redirectPermanence', () => {
  it('is true when every hop was 301 or 308', () => {
    expect(redirectPermanence([{ from: A, to: B, status: 301 }, { from: B, to: C, status: 308 }], A, C)).toBe(true);
  });

  it('is false when one hop was temporary', () => {
    expect(redirectPermanence([{ from: A, to: B, status: 301 }, { from: B, to: C, status: 302 }], A, C)).toBe(false);
    expect(redirectPermanence([{ from: A, to: C, status: 307 }], A, C)).toBe(false);
  });

  it('is unknown without the whole chain from the requested address to the final one', () => {
    expect(redirectPermanence([], A, C)).toBeUndefined();
    expect(redirectPermanence([{ from: A, to: B, status: 301 }], A, C)).toBeUndefined();
    expect(redirectPermanence([{ from: B, to: C, status: 301 }], A, C)).toBeUndefined();
    expect(redirectPermanence([{ from: A, to: B, status: 301 }, { from: A, to: C, status: 301 }], A, C)).toBeUndefined();
  });
});

describe('isRedirectLoop', () => {
  it('sees an address visited twice', () => {
    expect(isRedirectLoop([{ from: A, to: B, status: 302 }, { from: B, to: A, status: 302 }])).toBe(true);
    expect(isRedirectLoop([{ from: A, to: A, status: 301 }])).toBe(true);
  });

  it('sees the browser limit of 20 redirects reached', () => {
    const hops = Array.from({ length: 20 }, (_, i) => ({ from: `${A}?${i}`, to: `${A}?${i + 1}`, status: 302 }));
    expect(isRedirectLoop(hops)).toBe(true);
    expect(isRedirectLoop(hops.slice(0, 19))).toBe(false);
  });

  it('is false for a chain that ends elsewhere (a redirect to a host that is down)', () => {
    expect(isRedirectLoop([])).toBe(false);
    expect(isRedirectLoop([{ from: A, to: B, status: 302 }, { from: B, to: C, status: 301 }])).toBe(false);
  });
});
