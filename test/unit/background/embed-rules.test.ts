// The video players' Referer rules: only YouTube's player gets one (its own origin), on frame requests the
// extension starts; none at all without the extension's host to scope them to; installing replaces the
// players' rules and leaves the user's Referer rules (ids 1000–1999) alone, and the other way round.
import { describe, expect, it, vi } from 'vitest';
import { embedRefererRules, installEmbedRules } from '../../../src/background/embed-rules';
import { installRefererRules } from '../../../src/background/referer-rules';
import { OWN_REFERER_ORIGINS } from '../../../src/ui/sanitize-embeds';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const YOUTUBE_RULE = {
  id: 2000,
  priority: 1,
  action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: 'https://www.youtube-nocookie.com/' }] },
  condition: { requestDomains: ['www.youtube-nocookie.com'], resourceTypes: ['sub_frame'], initiatorDomains: ['fake-id'] },
};

/** A declarativeNetRequest with dynamic rules in memory. */
function fakeDnr(rules: { id: number }[]) {
  let installed = [...rules];
  return {
    getDynamicRules: vi.fn(async () => installed),
    updateDynamicRules: vi.fn(async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: { id: number }[] }) => {
      installed = [...installed.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
    }),
    ids: () => installed.map((rule) => rule.id).sort((a, b) => a - b),
  };
}

describe('video player Referer rules', () => {
  it('are for YouTube only, among the players the reader keeps', () => {
    expect(OWN_REFERER_ORIGINS).toEqual(['https://www.youtube-nocookie.com']);
  });

  it('send the player its own origin, on frame requests the extension starts', () => {
    expect(embedRefererRules({ initiatorDomains: ['fake-id'] })).toEqual([YOUTUBE_RULE]);
  });

  it('are left out without the extension host to scope them to', () => {
    expect(embedRefererRules({})).toEqual([]);
  });

  it('are installed in their own id range, next to the user\u2019s Referer rules', async () => {
    const dnr = fakeDnr([{ id: 1000 }, { id: 1001 }, { id: 2000 }, { id: 2007 }]);
    await installEmbedRules(dnr as never);
    expect(dnr.updateDynamicRules).toHaveBeenCalledWith({ removeRuleIds: [2000, 2007], addRules: [YOUTUBE_RULE] });
    expect(dnr.ids()).toEqual([1000, 1001, 2000]);

    await installRefererRules([], dnr as never);
    expect(dnr.ids()).toEqual([2000]);
  });
});
