// The manifest's extension-pages CSP: the directives issue 8 asks for, written out, and frame-src in step
// with the players the sanitizer keeps (sanitize-embeds.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED_ORIGINS } from '../../../src/ui/sanitize-embeds';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_security_policy?: { extension_pages?: string } };

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('content_security_policy.extension_pages', () => {
  const csp = directives(manifest.content_security_policy?.extension_pages ?? '');

  it('locks down scripts, plugins, <base>, forms and everything not named', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
  });

  it('frames only the video players the sanitizer keeps', () => {
    const players = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://player.bilibili.com', 'https://www.dailymotion.com', 'https://player.youku.com', 'https://v.qq.com'];
    expect(csp.get('frame-src')).toEqual(players);
    expect([...EMBED_ORIGINS]).toEqual(players);
  });

  it('lets pictures and media come from the web (mirrors, CDNs, offline blobs), and the worker fetch feeds', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'http:', 'https:', 'data:', 'blob:']);
    expect(csp.get('media-src')).toEqual(['http:', 'https:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
  });
});
