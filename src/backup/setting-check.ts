// How a backup's global setting fares against this build's SETTINGS (src/db/settings.ts).
import { SETTINGS } from '../db/settings';
import type { SettingCheck } from './validate';

/** 'unknown' for a key this build has not, 'invalid' for a value its parser refuses, else 'ok'. */
export const checkSetting: SettingCheck = (key, value) => {
  const spec = Object.hasOwn(SETTINGS, key) ? (SETTINGS as Record<string, { parse(value: unknown): unknown }>)[key] : undefined;
  if (!spec) return 'unknown';
  return spec.parse(value) === undefined ? 'invalid' : 'ok';
};
