// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { ImagesSection } from '../../../src/pages/options/images-section';
import { fakeBrowser } from '../ui/fake-browser';
import { resetDb } from '../ui/seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let root: HTMLElement;
let status: string[];

beforeEach(async () => {
  await resetDb();
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: null });
  status = [];
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(): Promise<void> {
  render(<ImagesSection onStatus={(text) => status.push(text)} />, root);
  await vi.waitFor(() => expect(root.querySelector('#image-global-rule')).not.toBeNull());
}

const button = (name: string) => [...root.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name)!;
const sent = () => fakeBrowser.runtime.sendMessage.mock.calls.map(([message]) => message as unknown);

/** Type into an input (or pick in a select) as a user does. */
async function type(element: HTMLInputElement | HTMLSelectElement, value: string, event = 'input'): Promise<void> {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

describe('Options → Images', () => {
  it('saves the loading setting as soon as it is chosen', async () => {
    await show();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="image-loading"]')];
    expect(radios.map((radio) => [radio.parentElement!.textContent, radio.checked])).toEqual([
      ['Always', true],
      ["Only from the mirror's CDN copies (others when I click)", false],
      ['Only when I click', false],
    ]);
    await act(async () => radios[2]!.click());
    await vi.waitFor(() => expect(status).toEqual(['Image settings saved.']));
    expect(sent()).toEqual([{ type: 'update-settings', payload: { patch: { imageLoading: 'on-click' } } }]);
  });

  it('saves the global rule from a preset and a host rule, hosts cleaned', async () => {
    await show();
    const presets = root.querySelector<HTMLSelectElement>('select[aria-label="Presets"]')!;
    expect([...presets.options].map((option) => option.textContent)).toEqual(['Presets', 'wsrv.nl image proxy', 'images.weserv.nl image proxy', 'Jetpack Photon (i3.wp.com)', 'The same address without its query']);
    await type(presets, 'https://wsrv.nl/?url=${href_ue}', 'change');
    expect(root.querySelector<HTMLInputElement>('#image-global-rule')!.value).toBe('https://wsrv.nl/?url=${href_ue}');
    await act(async () => button('Add a host rule').click());
    const [hosts, template] = [...root.querySelectorAll<HTMLInputElement>('.images-rules .rule-rows input')];
    await type(hosts!, 'https://Image.Woshipm.com/x, example.org');
    await type(template!, 'https://i3.wp.com/${host}${pathname}');
    await act(async () => button('Save image rules').click());
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toEqual({
      type: 'update-settings',
      payload: { patch: { imageRules: [{ template: 'https://wsrv.nl/?url=${href_ue}' }, { template: 'https://i3.wp.com/${host}${pathname}', hosts: ['image.woshipm.com', 'example.org'] }] } },
    });
  });

  it('names a template mistake next to the form and sends nothing', async () => {
    await show();
    await type(root.querySelector<HTMLInputElement>('#image-global-rule')!, 'https://wsrv.nl/?url=${path}');
    await act(async () => button('Save image rules').click());
    expect(root.querySelector('.images-rules [role="alert"]')?.textContent).toBe('A template cannot use "${path}": use href, origin, protocol, host, hostname, port, pathname, search or hash, with _ue to URL-encode.');
    expect(sent()).toEqual([]);
  });

  it('adds a Referer preset, edits a rule to send none, and saves them', async () => {
    await show();
    await type(root.querySelector<HTMLSelectElement>('select[aria-label="Add a preset"]')!, 'imagesRefererPresetWeibo', 'change');
    await act(async () => button('Add a Referer rule').click());
    const rows = () => [...root.querySelectorAll('.images-referer .rule-rows li')];
    expect(rows()).toHaveLength(2);
    await type(rows()[1]!.querySelector('input')!, 'mmbiz.qpic.cn');
    await type(rows()[1]!.querySelector('select')!, 'none', 'change');
    expect(rows()[1]!.querySelectorAll('input')).toHaveLength(1);
    await act(async () => button('Save Referer rules').click());
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toEqual({
      type: 'update-settings',
      payload: { patch: { refererRules: [{ hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' }, { hosts: ['mmbiz.qpic.cn'], referer: null }] } },
    });
  });

  it('refuses a Referer that is not a web address', async () => {
    await show();
    await act(async () => button('Add a Referer rule').click());
    const row = root.querySelector('.images-referer .rule-rows li')!;
    const [hosts, referer] = [...row.querySelectorAll('input')];
    await type(hosts!, 'sinaimg.cn');
    await type(referer!, 'weibo.com');
    await act(async () => button('Save Referer rules').click());
    expect(root.querySelector('.images-referer [role="alert"]')?.textContent).toBe('The Referer must be a web address, such as https://weibo.com/.');
    expect(sent()).toEqual([]);
  });

  it('tests an address against the stored rules, each candidate named', async () => {
    await db.settings.put({ key: 'imageRules', value: [{ template: 'https://wsrv.nl/?url=${href_ue}' }] });
    await show();
    await type(root.querySelector<HTMLInputElement>('#image-test-url')!, 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg');
    const items = [...root.querySelectorAll('ol[aria-label="Addresses tried, in order"] li')].map((item) => item.textContent);
    expect(items).toEqual([
      'Rule https://wsrv.nl/?url=http%3A%2F%2Fimage.woshipm.com%2Fwp-files%2F2021%2F11%2FAIy3jDQQHOStT81NONcB.jpg',
      'Proxy, as written https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg',
      'Original http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg',
    ]);
    await type(root.querySelector<HTMLInputElement>('#image-test-url')!, 'javascript:alert(1)');
    expect(root.querySelector('.images-test .hint')?.textContent).toBe('Nothing to try: this is not a web address.');
  });

  it('shows what the offline pictures take, live, and saves the last-days settings', async () => {
    await show();
    // A live query: under load it may answer after the first render.
    await vi.waitFor(() => expect(root.querySelector('[data-testid="offline-usage"]')?.textContent).toBe('Kept offline: 0 pictures, 0 MB.'));
    await db.images.bulkPut([
      { url: 'http://a.example/1.png', source: 'http://a.example/1.png', blob: new Blob(['x']), size: 1024 * 1024, entryIds: [1], storedAt: 0 },
      { url: 'http://a.example/2.png', source: 'http://a.example/2.png', blob: new Blob(['y']), size: 512 * 1024, entryIds: [2], storedAt: 0 },
    ]);
    // The usage is read at most once a second (ROUND_THROTTLE_MS), so the change can show a second after the first read.
    await vi.waitFor(() => expect(root.querySelector('[data-testid="offline-usage"]')?.textContent).toBe('Kept offline: 2 pictures, 1.5 MB.'), { timeout: 3000 });
    await type(root.querySelector<HTMLInputElement>('#offline-days')!, '14');
    await type(root.querySelector<HTMLInputElement>('#offline-budget')!, '500');
    await act(async () => button('Save offline settings').click());
    await vi.waitFor(() => expect(sent()).toEqual([{ type: 'update-settings', payload: { patch: { offlineRecentDays: 14, offlineBudgetMb: 500 } } }]));
  });

  it('shows the worker refusing a setting in the form', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: false, error: { code: 'invalid-setting', params: { key: 'offlineBudgetMb' } } });
    await show();
    await type(root.querySelector<HTMLInputElement>('#offline-budget')!, '1');
    await act(async () => button('Save offline settings').click());
    await vi.waitFor(() => expect(root.querySelector('.images-offline [role="alert"]')).not.toBeNull());
    expect(status).toEqual([]);
  });
});
