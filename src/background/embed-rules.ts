// The video players that refuse to play without a Referer (OWN_REFERER_ORIGINS, src/ui/sanitize-embeds.ts) get
// their own origin as one: a declarativeNetRequest rule per player that sets `Referer: https://<player>/` on
// sub_frame requests to its host initiated by the extension (initiatorDomains: the extension's own host, as
// for the Referer rules), so web pages the user browses keep their own Referer to the same player. Installed
// as dynamic rules, in an id range of their own, at install, update and browser start.
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import { ruleScope, type RuleScope } from '../images';
import { OWN_REFERER_ORIGINS } from '../ui/sanitize-embeds';

/** The dynamic rule ids of the player rules (the Referer rules of the settings take 1000–1999). */
export const EMBED_RULE_IDS = { first: 2000, last: 2099 } as const;

/** One rule per origin of `origins`: its own origin (with the trailing slash browsers send) as Referer. None
 * without an initiator to scope them to: unscoped, they would change the Referer of the user's own browsing. */
export function embedRefererRules(scope: RuleScope, origins: readonly string[] = OWN_REFERER_ORIGINS): DeclarativeNetRequest.Rule[] {
  const initiatorDomains = scope.initiatorDomains;
  if (!initiatorDomains?.length) return [];
  return origins.slice(0, EMBED_RULE_IDS.last - EMBED_RULE_IDS.first + 1).map((origin, index) => ({
    id: EMBED_RULE_IDS.first + index,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: `${origin}/` }] },
    // requestDomains matches subdomains too; the CSP's frame-src lets only the canonical host load anyway.
    condition: { requestDomains: [new URL(origin).hostname], resourceTypes: ['sub_frame'], initiatorDomains },
  }));
}

/** Replace the installed player rules with the current ones. */
export async function installEmbedRules(dnr = browser.declarativeNetRequest): Promise<void> {
  const installed = await dnr.getDynamicRules();
  const removeRuleIds = installed.map((rule) => rule.id).filter((id) => id >= EMBED_RULE_IDS.first && id <= EMBED_RULE_IDS.last);
  await dnr.updateDynamicRules({ removeRuleIds, addRules: embedRefererRules(ruleScope(browser.runtime.getURL(''))) });
}
