// Image rules: RSSHub hotlink templates the user sets, for every image (global) or for some hosts.
import { hostMatches, httpUrl } from '../shared/url';
import { applyTemplate } from './template';

/** One rule: a hotlink template (template.ts), applied to images on `hosts` (and subdomains), or to all without. */
export interface ImageRule {
  template: string;
  hosts?: string[];
}

/** The addresses the rules give for `original`: per-host rules first, then global ones, each in list order. */
export function ruleUrls(original: string, rules: readonly ImageRule[]): string[] {
  const url = new URL(original);
  const applies = (rule: ImageRule) => rule.hosts?.some((host) => hostMatches(url.hostname, host)) ?? false;
  const perHost = rules.filter((rule) => rule.hosts && rule.hosts.length > 0 && applies(rule));
  const global = rules.filter((rule) => !rule.hosts || rule.hosts.length === 0);
  const out: string[] = [];
  for (const rule of [...perHost, ...global]) {
    const filled = applyTemplate(rule.template, url);
    // Only web addresses: a template yielding javascript: or a relative path gives nothing.
    const absolute = filled === undefined ? undefined : httpUrl(filled);
    if (absolute) out.push(absolute);
  }
  return out;
}
