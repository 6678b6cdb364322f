// Demo feed 3: a plain RSS 2.0 feed in GBK, like many older Chinese sites still serve. The bytes are
// checked in pre-encoded (town-bulletin.gbk.xml, written in UTF-8 and converted once with
// `iconv -f UTF-8 -t GBK`; edit it through `iconv -f GBK -t UTF-8` and back). Node cannot encode GBK.
import { readFileSync } from 'node:fs';
import { minutesAgo, rfc822 } from './clock';

const FILE = new URL('./town-bulletin.gbk.xml', import.meta.url);

/**
 * The feed's bytes with `%%ORIGIN%%` and `%%AGO:<minutes>%%` filled in. Latin-1 maps bytes to chars one to
 * one, so the GBK text survives untouched; the placeholders cannot be mistaken for half of a GBK character
 * because '%' (0x25) is below every GBK trail byte (0x40 and up), so a match always starts on a character.
 */
export function townBulletinRss(origin: string, now: number): Uint8Array {
  const text = readFileSync(FILE).toString('latin1')
    .replaceAll('%%ORIGIN%%', origin)
    .replace(/%%AGO:(\d+)%%/g, (_, minutes: string) => rfc822(minutesAgo(now, Number(minutes))));
  return Buffer.from(text, 'latin1');
}
