// RSSHub's hotlink templates (lib/middleware/anti-hotlink.ts there): `${name}` is replaced by that property of
// the image's URL, and a `_ue` suffix passes it through encodeURIComponent — `https://wsrv.nl/?url=${href_ue}`,
// `https://i3.wp.com/${host}${pathname}`, `${protocol}//${host}${pathname}`. The same regular expression and
// property list as RSSHub's, so a template copied from its docs or a user's RSSHub instance means the same here.

/** `${…}` placeholders, exactly as RSSHub matches them. */
const PLACEHOLDER = /\$\{([^{}]+)\}/g;

/** The URL properties a template may name (RSSHub's list). */
const PROPERTIES = ['hash', 'host', 'hostname', 'href', 'origin', 'password', 'pathname', 'port', 'protocol', 'search', 'searchParams', 'username'] as const;
type Property = (typeof PROPERTIES)[number];

function isProperty(name: string): name is Property {
  return (PROPERTIES as readonly string[]).includes(name);
}

/** Why `template` cannot be used: 'unknown-property' (with its name), 'no-placeholder', or undefined when it is fine. */
export function templateProblem(template: string): { code: 'unknown-property'; name: string } | { code: 'no-placeholder' } | undefined {
  let placeholders = 0;
  for (const [, raw = ''] of template.matchAll(PLACEHOLDER)) {
    placeholders++;
    const name = raw.endsWith('_ue') ? raw.slice(0, -3) : raw;
    if (!isProperty(name)) return { code: 'unknown-property', name: raw };
  }
  // A template without placeholders would show one fixed picture in place of every image.
  return placeholders === 0 ? { code: 'no-placeholder' } : undefined;
}

/** `template` filled in from `url`; undefined when the template names an unknown property (RSSHub throws). */
export function applyTemplate(template: string, url: URL): string | undefined {
  if (templateProblem(template)) return undefined;
  return template.replace(PLACEHOLDER, (_, raw: string) => {
    const encode = raw.endsWith('_ue');
    const value = String(url[(encode ? raw.slice(0, -3) : raw) as Property]);
    return encode ? encodeURIComponent(value) : value;
  });
}
