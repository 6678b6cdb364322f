import { describe, expect, it } from 'vitest';
import { redirectDecision } from '../../../src/background/redirect-policy';

const A = 'https://old.example/feed';
const B = 'https://new.example/feed';

describe('redirectDecision', () => {
  it('adopts a redirect the browser called permanent at once', () => {
    expect(redirectDecision(A, { url: B, redirected: true, permanent: true }, undefined)).toEqual({ adopt: B });
  });

  it('never adopts a redirect the browser called temporary: its streak starts again at 0', () => {
    expect(redirectDecision(A, { url: B, redirected: true, permanent: false }, { from: A, to: B, count: 2 })).toEqual({ streak: { from: A, to: B, count: 0 } });
  });

  it('adopts an unexplained redirect once it served the feed on three polls in a row', () => {
    const served = { url: B, redirected: true };
    const first = redirectDecision(A, served, undefined);
    expect(first).toEqual({ streak: { from: A, to: B, count: 1 } });
    const second = redirectDecision(A, served, first.streak);
    expect(second).toEqual({ streak: { from: A, to: B, count: 2 } });
    expect(redirectDecision(A, served, second.streak)).toEqual({ adopt: B });
  });

  it('starts the streak again when the target changes or the address is served directly', () => {
    expect(redirectDecision(A, { url: 'https://other.example/feed', redirected: true }, { from: A, to: B, count: 2 })).toEqual({
      streak: { from: A, to: 'https://other.example/feed', count: 1 },
    });
    expect(redirectDecision(A, { url: A, redirected: false }, { from: A, to: B, count: 2 })).toEqual({});
  });
});
