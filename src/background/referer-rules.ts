// Referer rules as declarativeNetRequest `modifyHeaders` rules, installed as dynamic rules (they survive a
// browser restart; the worker installs them again at startup and whenever the setting changes). They cover
// the extension's own image and media loads (the reader's <img>, <video poster>) and its fetches (offline copies).
import browser from 'webextension-polyfill';
import { REFERER_RULE_IDS, refererDnrRules, ruleScope, type RefererRule } from '../images';

/** Replace the installed Referer rules with those for `rules`. */
export async function installRefererRules(rules: readonly RefererRule[], dnr = browser.declarativeNetRequest): Promise<void> {
  const scope = ruleScope(browser.runtime.getURL(''));
  const installed = await dnr.getDynamicRules();
  const removeRuleIds = installed.map((rule) => rule.id).filter((id) => id >= REFERER_RULE_IDS.first && id <= REFERER_RULE_IDS.last);
  await dnr.updateDynamicRules({ removeRuleIds, addRules: refererDnrRules(rules, scope) });
}
