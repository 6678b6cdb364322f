import { describe, expect, it } from 'vitest';
import { describeCandidates, imageCandidates, imageKey, type ImageRule } from '../../../src/images';

// Seed 000 (a mirror record) maps its originals to jsDelivr copies, one of them to null; seeds 002/003 wrap
// their pictures in the cors.zfour.workers.dev prefix proxy.
const CNNIC_PNG = 'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png';
const CNNIC_JPG = 'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg';
const SEED_000_MAP = {
  [CNNIC_PNG]: 'https://cdn.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
  [CNNIC_JPG]: null,
  'http://simg.sinajs.cn/blog7style/images/special/1265.gif': 'https://cdn.jsdelivr.net/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp',
};
const SEED_000_PAGE = 'http://blog.sina.com.cn/s/blog_5101b9050102x3xz.html';
const WOSHIPM_PROXIED = 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg';

const WSRV: ImageRule = { template: 'https://wsrv.nl/?url=${href_ue}' };
const PHOTON: ImageRule = { template: 'https://i3.wp.com/${host}${pathname}', hosts: ['woshipm.com'] };

type Row = { name: string; src: string; ctx: Parameters<typeof imageCandidates>[1]; expected: string[] };

const rows: Row[] = [
  {
    name: "seed 000's PNG: its jsDelivr copy, the copy on jsDelivr's mirror hosts, then the original",
    src: CNNIC_PNG,
    ctx: { pageUrl: SEED_000_PAGE, imageMap: SEED_000_MAP, rules: [] },
    expected: [
      'https://cdn.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
      'https://fastly.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
      'https://gcore.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
      'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png',
    ],
  },
  {
    name: 'a null map value: the mirror has no copy, only the original is left',
    src: CNNIC_JPG,
    ctx: { imageMap: SEED_000_MAP, rules: [] },
    expected: ['http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg'],
  },
  {
    name: 'a null map value with a global rule: the rule, then the original',
    src: CNNIC_JPG,
    ctx: { imageMap: SEED_000_MAP, rules: [WSRV] },
    expected: [
      'https://wsrv.nl/?url=http%3A%2F%2Fwww.cnnic.cn%2Fhlwfzyj%2Ffxszl%2Ffxswz%2F201801%2FW020180131539855531729.jpg',
      'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg',
    ],
  },
  {
    name: 'map keys match across http and https spellings',
    src: 'https://simg.sinajs.cn/blog7style/images/special/1265.gif',
    ctx: { imageMap: SEED_000_MAP, rules: [] },
    expected: [
      'https://cdn.jsdelivr.net/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp',
      'https://fastly.jsdelivr.net/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp',
      'https://gcore.jsdelivr.net/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp',
      'https://simg.sinajs.cn/blog7style/images/special/1265.gif',
    ],
  },
  {
    name: "seed 002's prefix proxy: the address as written, the http original last",
    src: WOSHIPM_PROXIED,
    ctx: { rules: [] },
    expected: ['https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg', 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg'],
  },
  {
    name: 'rules apply to the unwrapped original: per-host before global, then the proxy, then the original',
    src: WOSHIPM_PROXIED,
    ctx: { rules: [WSRV, PHOTON] },
    expected: [
      'https://i3.wp.com/image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg',
      'https://wsrv.nl/?url=http%3A%2F%2Fimage.woshipm.com%2Fwp-files%2F2021%2F11%2FAIy3jDQQHOStT81NONcB.jpg',
      'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg',
      'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg',
    ],
  },
  {
    name: 'a proxied picture whose original is in the map: the copy first',
    src: WOSHIPM_PROXIED,
    ctx: { imageMap: { 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg': 'https://img.example-cdn.net/AIy3.webp' }, rules: [] },
    expected: ['https://img.example-cdn.net/AIy3.webp', 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg', 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg'],
  },
  {
    name: '${href_ue} encodes the whole address, query included',
    src: 'https://pic.example.com/a b.jpg?w=600&h=400#top',
    ctx: { rules: [{ template: 'https://images.weserv.nl/?url=${href_ue}&w=800' }] },
    expected: ['https://images.weserv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa%2520b.jpg%3Fw%3D600%26h%3D400%23top&w=800', 'https://pic.example.com/a%20b.jpg?w=600&h=400#top'],
  },
  {
    name: 'every property RSSHub knows: protocol, host, hostname, port, origin, pathname, search, hash',
    src: 'https://pic.example.com:8443/p/a.jpg?x=1#f',
    ctx: { rules: [{ template: 'https://relay.example/${protocol}/${hostname}/${port}${pathname}${search}${hash}' }, { template: '${origin}/copy${pathname}' }, { template: '${protocol}//${host}${pathname}' }] },
    expected: ['https://relay.example/https:/pic.example.com/8443/p/a.jpg?x=1#f', 'https://pic.example.com:8443/copy/p/a.jpg', 'https://pic.example.com:8443/p/a.jpg', 'https://pic.example.com:8443/p/a.jpg?x=1#f'],
  },
  {
    name: 'a per-host rule matches subdomains, not look-alike hosts',
    src: 'https://notwoshipm.com/x.jpg',
    ctx: { rules: [PHOTON] },
    expected: ['https://notwoshipm.com/x.jpg'],
  },
  {
    name: 'a rule naming an unknown property, or giving a non-web address, yields nothing',
    src: 'https://pic.example.com/a.jpg',
    ctx: { rules: [{ template: 'https://relay.example/${path}' }, { template: 'javascript:alert("${href}")' }] },
    expected: ['https://pic.example.com/a.jpg'],
  },
  {
    name: 'a relative address resolves against the page',
    src: '../img/a.png',
    ctx: { pageUrl: 'https://blog.example/posts/1/', rules: [] },
    expected: ['https://blog.example/posts/img/a.png'],
  },
  {
    name: 'a protocol-relative address takes the page scheme',
    src: '//img.example/a.png',
    ctx: { pageUrl: 'http://blog.example/post', rules: [] },
    expected: ['http://img.example/a.png'],
  },
  {
    name: 'a protocol-relative address without a page takes https',
    src: '//img.example/a.png',
    ctx: { rules: [] },
    expected: ['https://img.example/a.png'],
  },
  {
    name: 'a relative address without a page gives nothing',
    src: '/a.png',
    ctx: { rules: [WSRV] },
    expected: [],
  },
  {
    name: 'a data: image comes back untouched, rules or not',
    src: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAnAAP9qAlGAAAAAElFTkSuQmCC',
    ctx: { rules: [WSRV] },
    expected: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAnAAP9qAlGAAAAAElFTkSuQmCC'],
  },
  {
    name: 'javascript: and data: that is not an image give nothing',
    src: 'javascript:alert(1)',
    ctx: { rules: [] },
    expected: [],
  },
  {
    name: 'a hostile map value (not http) is no copy',
    src: CNNIC_PNG,
    ctx: { imageMap: { [CNNIC_PNG]: 'javascript:alert(1)' }, rules: [] },
    expected: ['http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png'],
  },
  {
    name: "WeChat's &amp; left in data-src after HTML decoding decodes once",
    src: 'https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg&amp;tp=webp&amp;wxfrom=5&amp;amp;x=1',
    ctx: { rules: [] },
    expected: ['https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg&tp=webp&wxfrom=5&amp;x=1'],
  },
  {
    name: 'wsrv.nl ?url= with the ssl: form unwraps to https',
    src: 'https://wsrv.nl/?url=ssl:pic.example.com/a.jpg&w=300',
    ctx: { rules: [] },
    expected: ['https://wsrv.nl/?url=ssl:pic.example.com/a.jpg&w=300', 'https://pic.example.com/a.jpg'],
  },
  {
    name: 'images.weserv.nl ?url= with a bare host unwraps to http',
    src: 'https://images.weserv.nl/?url=pic.example.com/a.jpg',
    ctx: { rules: [] },
    expected: ['https://images.weserv.nl/?url=pic.example.com/a.jpg', 'http://pic.example.com/a.jpg'],
  },
  {
    name: 'wsrv.nl ?url= with an encoded absolute address',
    src: 'https://wsrv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa.jpg%3Fv%3D2',
    ctx: { rules: [] },
    expected: ['https://wsrv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa.jpg%3Fv%3D2', 'https://pic.example.com/a.jpg?v=2'],
  },
  {
    name: 'a wsrv-wrapped picture with a wsrv global rule: re-wrapped once, no repeat',
    src: 'https://wsrv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa.jpg',
    ctx: { rules: [WSRV] },
    expected: ['https://wsrv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa.jpg', 'https://pic.example.com/a.jpg'],
  },
  {
    name: 'a prefix proxy keeps the wrapped address whole, its own query included',
    src: 'https://p.example/?http://i.example/d.jpg?w=600&h=400',
    ctx: { rules: [] },
    expected: ['https://p.example/?http://i.example/d.jpg?w=600&h=400', 'http://i.example/d.jpg?w=600&h=400'],
  },
  {
    name: 'nested proxies unwrap to the innermost original; the map is asked innermost first',
    src: 'https://one.example/?https://wsrv.nl/?url=ssl:i.example/c.jpg',
    ctx: { imageMap: { 'https://i.example/c.jpg': 'https://copy.example/c.webp' }, rules: [] },
    expected: ['https://copy.example/c.webp', 'https://one.example/?https://wsrv.nl/?url=ssl:i.example/c.jpg', 'https://i.example/c.jpg'],
  },
  {
    name: "Photon's ssl=1 means an https original",
    src: 'https://i0.wp.com/blog.example/wp-content/a.jpg?resize=640%2C480&ssl=1',
    ctx: { rules: [] },
    expected: ['https://i0.wp.com/blog.example/wp-content/a.jpg?resize=640%2C480&ssl=1', 'https://blog.example/wp-content/a.jpg'],
  },
];

// Map keys are the record's addresses as the mirror wrote them; pages write the same picture with other
// spellings. Expected URLs are written out by hand (percent-encoding of 图片 is E5 9B BE E7 89 87).
const JSD = 'https://cdn.jsdelivr.net/gh/u/r@1/b.webp';
const JSD_ALL = [JSD, 'https://fastly.jsdelivr.net/gh/u/r@1/b.webp', 'https://gcore.jsdelivr.net/gh/u/r@1/b.webp'];
const spellingRows: Row[] = [
  {
    name: 'a key with non-ASCII and a space matches the same address as written',
    src: 'http://img.example.com/图片 1.png',
    ctx: { imageMap: { 'http://img.example.com/图片 1.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
  {
    name: 'a raw key matches the percent-encoded spelling of the address',
    src: 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png',
    ctx: { imageMap: { 'http://img.example.com/图片 1.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
  {
    name: 'an encoded key matches the raw spelling, over https',
    src: 'https://img.example.com/图片 1.png',
    ctx: { imageMap: { 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'https://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
  {
    name: 'an upper-case host and the default port in the key',
    src: 'http://IMG.Example.com:80/a.png',
    ctx: { imageMap: { 'http://IMG.Example.com:80/a.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'http://img.example.com/a.png'],
  },
  {
    name: 'an upper-case key matches the lower-case address',
    src: 'http://img.example.com/a.png',
    ctx: { imageMap: { 'HTTP://IMG.EXAMPLE.COM:80/a.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'http://img.example.com/a.png'],
  },
  {
    name: 'a null value under a non-canonical key still says there is no copy',
    src: 'http://img.example.com/图片 1.png',
    ctx: { imageMap: { 'http://IMG.example.com/图片 1.png': null }, rules: [WSRV] },
    expected: ['https://wsrv.nl/?url=http%3A%2F%2Fimg.example.com%2F%25E5%259B%25BE%25E7%2589%2587%25201.png', 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
  {
    name: 'a proxied address that is itself a raw key, as written',
    src: 'https://cors.zfour.workers.dev/?http://img.example.com/图片 1.png',
    ctx: { imageMap: { 'https://cors.zfour.workers.dev/?http://img.example.com/图片 1.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'https://cors.zfour.workers.dev/?http://img.example.com/%E5%9B%BE%E7%89%87%201.png', 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
  {
    name: 'a proxied address finds the raw key of its original',
    src: 'https://cors.zfour.workers.dev/?http://IMG.example.com/图片 1.png',
    ctx: { imageMap: { 'http://img.example.com/图片 1.png': JSD }, rules: [] },
    expected: [...JSD_ALL, 'https://cors.zfour.workers.dev/?http://IMG.example.com/%E5%9B%BE%E7%89%87%201.png', 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png'],
  },
];

describe('imageCandidates: map keys and addresses in other spellings', () => {
  it.each(spellingRows)('$name', ({ src, ctx, expected }) => {
    expect(imageCandidates(src, ctx)).toEqual(expected);
  });
});

describe('imageCandidates', () => {
  it.each(rows)('$name', ({ src, ctx, expected }) => {
    expect(imageCandidates(src, ctx)).toEqual(expected);
  });
});

describe('describeCandidates', () => {
  it('says what each candidate is', () => {
    expect(describeCandidates(WOSHIPM_PROXIED, { imageMap: { 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg': 'https://cdn.jsdelivr.net/gh/u/r@1/a.webp' }, rules: [PHOTON] })).toEqual([
      { url: 'https://cdn.jsdelivr.net/gh/u/r@1/a.webp', kind: 'copy' },
      { url: 'https://fastly.jsdelivr.net/gh/u/r@1/a.webp', kind: 'copy' },
      { url: 'https://gcore.jsdelivr.net/gh/u/r@1/a.webp', kind: 'copy' },
      { url: 'https://i3.wp.com/image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg', kind: 'rule' },
      { url: 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg', kind: 'proxy' },
      { url: 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg', kind: 'original' },
    ]);
  });
});

describe('imageKey', () => {
  it('gives a proxied and a plain https spelling of one picture the same key', () => {
    expect(imageKey(WOSHIPM_PROXIED)).toBe('http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg');
    expect(imageKey('https://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg')).toBe('http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg');
  });

  it('gives every spelling of one address one key (host case, default port, encoding, scheme)', () => {
    const key = 'http://img.example.com/%E5%9B%BE%E7%89%87%201.png';
    expect(imageKey('http://IMG.Example.com:80/图片 1.png')).toBe(key);
    expect(imageKey('https://img.example.com/图片 1.png')).toBe(key);
    expect(imageKey(key)).toBe(key);
  });

  it('resolves against the page and has no key for inline or unusable addresses', () => {
    expect(imageKey('a.png', 'https://blog.example/p/')).toBe('http://blog.example/p/a.png');
    expect(imageKey('data:image/gif;base64,R0lGOD')).toBeUndefined();
    expect(imageKey('/a.png')).toBeUndefined();
  });
});
