import { describe, expect, it } from 'vitest';
import { parseImageLoading, parseImageRules, parseRefererRules } from '../../../src/images';
import { parseSettingsPatch } from '../../../src/db/settings';

describe('image settings', () => {
  it('accepts image rules with usable templates and real hosts, cleaned', () => {
    expect(parseImageRules([{ template: ' https://wsrv.nl/?url=${href_ue} ' }, { template: 'https://i3.wp.com/${host}${pathname}', hosts: ['https://Woshipm.com/', 'woshipm.com'] }, { template: '${protocol}//${host}${pathname}', hosts: [] }])).toEqual([
      { template: 'https://wsrv.nl/?url=${href_ue}' },
      { template: 'https://i3.wp.com/${host}${pathname}', hosts: ['woshipm.com'] },
      { template: '${protocol}//${host}${pathname}' },
    ]);
  });

  it.each([
    ['not a list', { template: 'x' }],
    ['an unknown property', [{ template: 'https://r.example/${path}' }]],
    ['no placeholder', [{ template: 'https://r.example/fixed.png' }]],
    ['a host that is not one', [{ template: '${href}', hosts: ['a b'] }]],
    ['hosts not a list', [{ template: '${href}', hosts: 'example.com' }]],
  ])('refuses image rules with %s', (_name, value) => {
    expect(parseImageRules(value)).toBeUndefined();
  });

  it('accepts Referer rules (a Referer or none) and refuses broken ones', () => {
    expect(parseRefererRules([{ hosts: ['*.sinaimg.cn'], referer: 'https://weibo.com/' }, { hosts: ['mmbiz.qpic.cn'], referer: null }])).toEqual([
      { hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' },
      { hosts: ['mmbiz.qpic.cn'], referer: null },
    ]);
    expect(parseRefererRules([{ hosts: [], referer: null }])).toBeUndefined();
    expect(parseRefererRules([{ hosts: ['a.example'], referer: 'ftp://a.example/' }])).toBeUndefined();
    expect(parseRefererRules([{ hosts: ['a.example'] }])).toBeUndefined();
  });

  it('knows the three loading settings', () => {
    expect(['always', 'cdn-only', 'on-click', 'never'].map(parseImageLoading)).toEqual(['always', 'cdn-only', 'on-click', undefined]);
  });

  it('checks every image key of a settings patch', () => {
    expect(parseSettingsPatch({ imageLoading: 'on-click', offlineRecentDays: 7, offlineBudgetMb: 500 })).toEqual({ ok: true, patch: { imageLoading: 'on-click', offlineRecentDays: 7, offlineBudgetMb: 500 } });
    expect(parseSettingsPatch({ offlineRecentDays: -1 })).toEqual({ ok: false, key: 'offlineRecentDays' });
    expect(parseSettingsPatch({ offlineBudgetMb: 5 })).toEqual({ ok: false, key: 'offlineBudgetMb' });
    expect(parseSettingsPatch({ refererRules: [{ hosts: ['x'], referer: 'nope' }] })).toEqual({ ok: false, key: 'refererRules' });
  });
});
