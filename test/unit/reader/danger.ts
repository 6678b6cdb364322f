// What must never survive sanitizing, checked on the parsed output (so escaped text is not a false alarm).

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'srcset'];

/** Each dangerous element, handler, style or script URL found in `html`; empty when clean. */
export function dangerIn(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const found: string[] = [];
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName;
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      // Browsers ignore ASCII whitespace and control characters before the scheme.
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(name) && /^(?:javascript|vbscript|livescript|data:text|data:application):?/.test(value)) found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
    }
  }
  return found;
}
