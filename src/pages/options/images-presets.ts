// Presets for Options → Images: RSSHub's documented hotlink templates, and Referer rules for image hosts
// that show pictures only to their own site.
import type { ImageRule, RefererRule } from '../../images';
import type { MessageKey } from '../../ui/i18n';

/** A template preset: its label and the template. */
export interface RulePreset {
  label: MessageKey;
  template: string;
}

/** RSSHub's HOTLINK_TEMPLATE examples (docs: deploy/config, "image_hotlink_template"), and weserv's new name. */
export const RULE_PRESETS: readonly RulePreset[] = [
  { label: 'imagesPresetWsrv', template: 'https://wsrv.nl/?url=${href_ue}' },
  { label: 'imagesPresetWeserv', template: 'https://images.weserv.nl/?url=${href_ue}' },
  { label: 'imagesPresetPhoton', template: 'https://i3.wp.com/${host}${pathname}' },
  { label: 'imagesPresetNoQuery', template: '${protocol}//${host}${pathname}' },
];

/** A Referer preset: its label and the rule. */
export interface RefererPreset {
  label: MessageKey;
  rule: RefererRule;
}

/** Hosts that refuse pictures to other sites, and what they accept. */
export const REFERER_PRESETS: readonly RefererPreset[] = [
  { label: 'imagesRefererPresetWeibo', rule: { hosts: ['sinaimg.cn'], referer: 'https://weibo.com/' } },
  { label: 'imagesRefererPresetPixiv', rule: { hosts: ['pximg.net'], referer: 'https://www.pixiv.net/' } },
  { label: 'imagesRefererPresetBilibili', rule: { hosts: ['hdslb.com'], referer: 'https://www.bilibili.com/' } },
  { label: 'imagesRefererPresetWechat', rule: { hosts: ['mmbiz.qpic.cn'], referer: null } },
  { label: 'imagesRefererPresetXiaohongshu', rule: { hosts: ['xhscdn.com'], referer: 'https://www.xiaohongshu.com/' } },
];

/** Host names as the options page edits them: one text field, separated by commas or spaces. */
export function hostsText(hosts: readonly string[] | undefined): string {
  return (hosts ?? []).join(', ');
}

/** The host names of a text field, as typed (checked when saved). */
export function hostsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Rules without hosts, and those with. */
export function splitRules(rules: readonly ImageRule[]): { global: ImageRule[]; perHost: ImageRule[] } {
  return { global: rules.filter((rule) => !rule.hosts?.length), perHost: rules.filter((rule) => rule.hosts?.length) };
}
