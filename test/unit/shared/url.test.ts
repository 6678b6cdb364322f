import { describe, expect, it } from 'vitest';
import { hasSchemeAndAuthority, hostMatches, hostOf, httpUrl, normalizeHost, resolveReference } from '../../../src/shared/url';

describe('shared URL helpers', () => {
  it('resolveReference resolves as browsers do and says undefined when it cannot', () => {
    expect(resolveReference('../b/c?q#f', 'https://h.example/a/x/y')).toBe('https://h.example/a/b/c?q#f');
    expect(resolveReference('//cdn.example/a.png', 'http://h.example/')).toBe('http://cdn.example/a.png');
    expect(resolveReference('/a', undefined)).toBeUndefined();
    expect(resolveReference('/a', '')).toBeUndefined();
  });

  it('httpUrl keeps only web addresses', () => {
    expect(httpUrl(' https://h.example/a b ')).toBe('https://h.example/a%20b');
    expect(httpUrl('img/a.png', 'https://h.example/p/')).toBe('https://h.example/p/img/a.png');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(httpUrl('mailto:a@b.example')).toBeUndefined();
  });

  it('hasSchemeAndAuthority', () => {
    expect(hasSchemeAndAuthority('https://a')).toBe(true);
    expect(hasSchemeAndAuthority('feed://a')).toBe(true);
    expect(hasSchemeAndAuthority('//a')).toBe(false);
    expect(hasSchemeAndAuthority('mailto:a@b')).toBe(false);
  });

  it('hosts: the host of a URL, subdomain matching, and what the user types', () => {
    expect(hostOf('https://IMG.Example.com:8080/a')).toBe('img.example.com');
    expect(hostOf('not a url')).toBeUndefined();
    expect(hostMatches('img.example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'Example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com', 'img.example.com')).toBe(false);
    expect(normalizeHost(' https://Img.Example.com/path ')).toBe('img.example.com');
    expect(normalizeHost('*.sinaimg.cn')).toBe('sinaimg.cn');
    expect(normalizeHost('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normalizeHost('')).toBeUndefined();
    expect(normalizeHost('a b')).toBeUndefined();
    expect(normalizeHost('[::1]')).toBeUndefined();
  });
});
