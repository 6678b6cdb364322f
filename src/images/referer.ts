// Referer rules: image hosts that refuse a missing or foreign Referer get the one they expect (sinaimg.cn wants
// weibo.com), or none at all. The worker turns them into declarativeNetRequest rules (referer-rules.ts). Pure.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { normalizeHost } from '../shared/url';

/** Requests to `hosts` (and their subdomains) carry `referer`; null sends no Referer at all. */
export interface RefererRule {
  hosts: string[];
  referer: string | null;
}

/** Why a rule cannot be used, or undefined: no host, a host that is not one, or a Referer that is not a web address. */
export function refererRuleProblem(rule: RefererRule): { code: 'no-host' } | { code: 'bad-host'; host: string } | { code: 'bad-referer' } | undefined {
  if (rule.hosts.length === 0) return { code: 'no-host' };
  const bad = rule.hosts.find((host) => normalizeHost(host) !== host);
  if (bad !== undefined) return { code: 'bad-host', host: bad };
  if (rule.referer !== null && !/^https?:\/\/[^\s]+$/i.test(rule.referer)) return { code: 'bad-referer' };
  return undefined;
}

/** `rule` with its hosts reduced to bare lowercase host names, duplicates and unusable ones dropped. */
export function cleanRefererRule(rule: RefererRule): RefererRule {
  const hosts = [...new Set(rule.hosts.map((host) => normalizeHost(host)).filter((host): host is string => host !== undefined))];
  const referer = rule.referer === null ? null : rule.referer.trim();
  return { hosts, referer };
}

/** The dynamic rule ids Referer rules take; other features may use ids outside the range. */
export const REFERER_RULE_IDS = { first: 1000, last: 1999 } as const;
const FIRST_ID = REFERER_RULE_IDS.first;
const LAST_ID = REFERER_RULE_IDS.last;

/** Resource types of the requests a Referer rule changes. */
const RESOURCE_TYPES: DeclarativeNetRequest.ResourceType[] = ['image', 'media', 'xmlhttprequest'];

/**
 * Whose requests the rules change: `initiatorDomains` names the extension's own host, so web pages the user
 * browses to the same image hosts keep their own Referer.
 */
export interface RuleScope {
  initiatorDomains?: string[];
}

/** The DNR rules for `rules` (unusable ones skipped), ids from 1000 up, in the order given. */
export function refererDnrRules(rules: readonly RefererRule[], scope: RuleScope): DeclarativeNetRequest.Rule[] {
  const usable = rules.map(cleanRefererRule).filter((rule) => refererRuleProblem(rule) === undefined);
  return usable.slice(0, LAST_ID - FIRST_ID + 1).map((rule, index) => ({
    id: FIRST_ID + index,
    // A later rule is more specific only by the user's order: earlier rules win where hosts overlap.
    priority: usable.length - index,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [rule.referer === null ? { header: 'referer', operation: 'remove' } : { header: 'referer', operation: 'set', value: rule.referer }],
    },
    condition: { requestDomains: rule.hosts, resourceTypes: RESOURCE_TYPES, ...(scope.initiatorDomains ? { initiatorDomains: scope.initiatorDomains } : {}) },
  }));
}

/**
 * The scope for the extension at `extensionBaseUrl` (runtime.getURL('')): its host is the initiator of its
 * pages' and worker's requests — the extension id in Chrome, the per-install internal UUID in Firefox (both
 * proven in test/e2e/chromium-images.test.ts and firefox-images.test.ts).
 */
export function ruleScope(extensionBaseUrl: string): RuleScope {
  const host = /^[a-z-]+:\/\/([^/]+)\//i.exec(extensionBaseUrl)?.[1];
  return host ? { initiatorDomains: [host.toLowerCase()] } : {};
}
