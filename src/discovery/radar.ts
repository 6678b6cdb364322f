// Feeds for well-known sites that advertise none, found by rules in RSSHub Radar's format: site domain →
// subdomain ('.' for none) → rules, each rule a path pattern (`source`) and a feed address (`target`)
// filled with the parameters the pattern captured. Two extensions, both plain data: a `target` that is an
// absolute URL is the site's own feed (GitHub's .atom, Reddit's .rss), and `except` lists values a
// parameter must not take (x.com/home is not a user). Radar's function targets need code, so such rules
// are left out of the table.

/** One rule. `source` patterns: `/:name` a segment, `/:name?` an optional last segment, `*name` the rest. */
export interface RadarRule<Text extends string = string> {
  title: Text;
  docs?: string;
  source: string | string[];
  /** An RSSHub route (`/github/issue/:user/:repo`) or an absolute feed URL template. */
  target: string;
  except?: Record<string, string[]>;
}

/** A site's rules: its display name and its rules by subdomain ('.' is the bare domain). */
export type RadarSite<Text extends string = string> = { _name: Text } & { [subdomain: string]: RadarRule<Text>[] | Text };

/** Rules by registrable domain ("bilibili.com"). */
export type RadarRules<Text extends string = string> = Record<string, RadarSite<Text>>;

/** A feed a rule offers for a page: the site's own feed, or a route on the user's RSSHub instance. */
export interface RuleMatch<Text extends string = string> {
  url: string;
  kind: 'site' | 'rsshub';
  site: Text;
  title: Text;
}

/** Feeds the rules offer for `pageUrl`, in the table's order; RSSHub routes go to `rsshubBase`. */
export function matchRules<Text extends string>(pageUrl: string, rules: RadarRules<Text>, rsshubBase: string): RuleMatch<Text>[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const host = page.hostname.toLowerCase();
  const domain = Object.keys(rules).find((key) => host === key || host.endsWith(`.${key}`));
  const site = domain === undefined ? undefined : rules[domain];
  if (domain === undefined || !site) return [];
  const subdomain = host === domain ? '.' : host.slice(0, -domain.length - 1);
  // As Radar does: www.example.com falls back to the bare domain's rules and back again.
  const list = rulesOf(site, subdomain) ?? (subdomain === 'www' ? rulesOf(site, '.') : subdomain === '.' ? rulesOf(site, 'www') : undefined) ?? [];
  const path = page.pathname.length > 1 ? page.pathname.replace(/\/+$/, '') : '/';

  const found: RuleMatch<Text>[] = [];
  for (const rule of list) {
    const params = firstMatch(rule, path);
    if (!params) continue;
    const filled = fillTarget(rule.target, params);
    if (filled === undefined) continue;
    const absolute = /^https?:\/\//i.test(filled);
    const url = absolute ? filled : `${rsshubBase.replace(/\/+$/, '')}${filled}`;
    if (!found.some((match) => match.url === url)) found.push({ url, kind: absolute ? 'site' : 'rsshub', site: site._name, title: rule.title });
  }
  return found;
}

function rulesOf<Text extends string>(site: RadarSite<Text>, subdomain: string): RadarRule<Text>[] | undefined {
  const rules = site[subdomain];
  return Array.isArray(rules) ? rules : undefined;
}

// The parameters of the first source pattern that matches the whole path, unless `except` forbids them.
function firstMatch(rule: RadarRule, path: string): Record<string, string> | undefined {
  for (const source of Array.isArray(rule.source) ? rule.source : [rule.source]) {
    const { regex, names } = compile(source);
    const match = regex.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      const raw = match[index + 1];
      if (raw !== undefined && raw !== '') params[name] = safeDecode(raw);
    });
    const forbidden = Object.entries(rule.except ?? {}).some(([name, values]) => values.includes(params[name]?.toLowerCase() ?? ''));
    if (!forbidden) return params;
  }
  return undefined;
}

const compiled = new Map<string, { regex: RegExp; names: string[] }>();

// A source pattern as an anchored regular expression over the path, and its parameter names in order.
function compile(source: string): { regex: RegExp; names: string[] } {
  const cached = compiled.get(source);
  if (cached) return cached;
  const names: string[] = [];
  let pattern = '';
  for (const [token, slash, name, optional, rest] of source.matchAll(/(\/?):(\w+)(\?)?|\*(\w*)|[^:*]+?(?=\/?:|\*|$)/g)) {
    if (name !== undefined) {
      names.push(name);
      pattern += optional ? `(?:${slash ? '/' : ''}([^/]+))?` : `${slash ? '/' : ''}([^/]+)`;
    } else if (rest !== undefined) {
      names.push(rest || '*');
      pattern += '(.*)';
    } else {
      pattern += token.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const entry = { regex: new RegExp(`^${pattern}$`, 'i'), names };
  compiled.set(source, entry);
  return entry;
}

// `:name` replaced by its value (encoded); a missing optional `/:name?` drops the rest of the target,
// as Radar does; a missing required one means the rule does not apply.
function fillTarget(target: string, params: Record<string, string>): string | undefined {
  let out = '';
  for (const token of target.split(/(\/?:\w+\??)/)) {
    const param = /^(\/?):(\w+)(\?)?$/.exec(token);
    if (!param) {
      out += token;
      continue;
    }
    const [, slash = '', name = '', optional] = param;
    const value = params[name];
    if (value !== undefined) out += `${slash}${encodeURIComponent(value)}`;
    else if (optional) return out;
    else return undefined;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
