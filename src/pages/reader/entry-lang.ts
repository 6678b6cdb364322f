// The language of an entry, for its `lang` attribute: it picks the right CJK fonts and punctuation, and the
// CJK typography of reader.css (:lang(zh), :lang(ja), :lang(ko)). The feed's declared language when it has a
// usable one, else a guess from the writing system of the title and opening text.

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7af]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** A BCP 47 tag for the entry ("zh-CN", "ja"), or '' when unknown (so no UI language is assumed). */
export function entryLanguage(declared: string | undefined, text: string): string {
  const tag = declared?.trim().replace(/_/g, '-');
  if (tag && TAG.test(tag)) return canonical(tag);
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  const letters = text.replace(/[\s\p{P}\p{S}\d]/gu, '');
  const han = text.match(HAN)?.length ?? 0;
  return letters.length > 0 && han / letters.length > 0.3 ? 'zh' : '';
}

/** "zh-cn" → "zh-CN", "EN-us" → "en-US": the case HTML and Intl expect. */
function canonical(tag: string): string {
  const [language = '', ...rest] = tag.split('-');
  return [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))].join('-');
}
