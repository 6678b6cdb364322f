import { describe, expect, it } from 'vitest';
import { cleanRefererRule, refererDnrRules, refererRuleProblem, ruleScope } from '../../../src/images';

describe('refererDnrRules', () => {
  it('turns each usable rule into a modifyHeaders rule for image, media and fetch requests of the extension', () => {
    const rules = refererDnrRules(
      [
        { hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' },
        { hosts: [], referer: 'https://nowhere.example/' },
        { hosts: ['https://I.PXIMG.net/x', 'i.pximg.net'], referer: 'https://www.pixiv.net/' },
        { hosts: ['mmbiz.qpic.cn'], referer: null },
        { hosts: ['bad.example'], referer: 'javascript:alert(1)' },
      ],
      { initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] },
    );
    expect(rules).toEqual([
      {
        id: 1000,
        priority: 3,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: 'https://weibo.com/' }] },
        condition: { requestDomains: ['sinaimg.cn'], resourceTypes: ['image', 'media', 'xmlhttprequest'], initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] },
      },
      {
        id: 1001,
        priority: 2,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: 'https://www.pixiv.net/' }] },
        condition: { requestDomains: ['i.pximg.net'], resourceTypes: ['image', 'media', 'xmlhttprequest'], initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] },
      },
      {
        id: 1002,
        priority: 1,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'remove' }] },
        condition: { requestDomains: ['mmbiz.qpic.cn'], resourceTypes: ['image', 'media', 'xmlhttprequest'], initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] },
      },
    ]);
  });

  it('leaves initiatorDomains out without a scope', () => {
    expect(refererDnrRules([{ hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' }], {})[0]?.condition).toEqual({ requestDomains: ['sinaimg.cn'], resourceTypes: ['image', 'media', 'xmlhttprequest'] });
  });

  it("scopes by the extension's host: the id in Chrome, the internal UUID in Firefox", () => {
    expect(ruleScope('chrome-extension://abcdefghijklmnopabcdefghijklmnop/')).toEqual({ initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] });
    expect(ruleScope('moz-extension://6f1c4d0e-3b7a-4a8e-9c2d-5e0f1a2b3c4d/')).toEqual({ initiatorDomains: ['6f1c4d0e-3b7a-4a8e-9c2d-5e0f1a2b3c4d'] });
    expect(ruleScope('')).toEqual({});
  });
});

describe('Referer rule validation', () => {
  it('names what is wrong', () => {
    expect(refererRuleProblem({ hosts: [], referer: null })).toEqual({ code: 'no-host' });
    expect(refererRuleProblem({ hosts: ['Weibo.com'], referer: null })).toEqual({ code: 'bad-host', host: 'Weibo.com' });
    expect(refererRuleProblem({ hosts: ['weibo.com'], referer: 'weibo.com' })).toEqual({ code: 'bad-referer' });
    expect(refererRuleProblem({ hosts: ['weibo.com', '127.0.0.1'], referer: 'https://weibo.com/' })).toBeUndefined();
  });

  it('cleans what the user typed', () => {
    expect(cleanRefererRule({ hosts: [' *.SinaImg.cn ', 'https://sinaimg.cn/a', 'a b'], referer: ' https://weibo.com/ ' })).toEqual({ hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' });
  });
});
