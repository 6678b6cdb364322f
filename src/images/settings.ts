// The image settings' values and their checks, for src/db/settings.ts: what a page may send and what a stored
// row must be to count. Pure.
import { normalizeHost } from '../shared/url';
import { cleanRefererRule, refererRuleProblem, type RefererRule } from './referer';
import type { ImageRule } from './rules';
import { templateProblem } from './template';

/** When pictures load: all at once, only from the mirror's CDN copies (the rest on click), or each on click. */
export type ImageLoading = 'always' | 'cdn-only' | 'on-click';

/** The loading settings, in the order the options page lists them. */
export const IMAGE_LOADINGS: readonly ImageLoading[] = ['always', 'cdn-only', 'on-click'];

/** More rules than this is a mistake, not a configuration (and DNR caps dynamic rules). */
const MAX_RULES = 200;
const MAX_TEXT = 2000;

/** An ImageLoading, or undefined. */
export function parseImageLoading(value: unknown): ImageLoading | undefined {
  return IMAGE_LOADINGS.find((loading) => loading === value);
}

/** A list of image rules, each with a usable template and real host names; undefined when any is not. */
export function parseImageRules(value: unknown): ImageRule[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_RULES) return undefined;
  const rules: ImageRule[] = [];
  for (const item of value) {
    if (!isObject(item) || typeof item['template'] !== 'string') return undefined;
    const template = item['template'].trim();
    if (template.length > MAX_TEXT || templateProblem(template)) return undefined;
    const hosts = item['hosts'];
    if (hosts === undefined) {
      rules.push({ template });
      continue;
    }
    const parsed = parseHosts(hosts);
    if (!parsed) return undefined;
    rules.push(parsed.length > 0 ? { template, hosts: parsed } : { template });
  }
  return rules;
}

/** A list of Referer rules, cleaned (see cleanRefererRule); undefined when any cannot be used. */
export function parseRefererRules(value: unknown): RefererRule[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_RULES) return undefined;
  const rules: RefererRule[] = [];
  for (const item of value) {
    if (!isObject(item) || !(item['referer'] === null || typeof item['referer'] === 'string')) return undefined;
    const hosts = parseHosts(item['hosts']);
    if (!hosts) return undefined;
    const rule = cleanRefererRule({ hosts, referer: item['referer'] as string | null });
    if (refererRuleProblem(rule) || (rule.referer?.length ?? 0) > MAX_TEXT) return undefined;
    rules.push(rule);
  }
  return rules;
}

/** Host names as the user typed them, each one a host; undefined when one is not. */
function parseHosts(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_RULES) return undefined;
  const hosts: string[] = [];
  for (const item of value) {
    const host = typeof item === 'string' ? normalizeHost(item) : undefined;
    if (!host) return undefined;
    if (!hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
