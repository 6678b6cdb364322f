// Settings: defaults, stored values that no longer pass their check, and patches checked key by key.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { parseSettingsPatch, readSettings, writeSettings } from '../../../src/db/settings';
import { freshDb } from '../background/helpers';

let db: ReaderDB;
afterEach(() => db?.close());

describe('settings', () => {
  it('reads the defaults from an empty table', async () => {
    db = freshDb();
    expect((await readSettings(db)).pollIntervalMinutes).toBe(30);
  });

  it('reads what was written, and a stored value that fails its check as the default', async () => {
    db = freshDb();
    await writeSettings(db, { pollIntervalMinutes: 90 });
    expect((await readSettings(db)).pollIntervalMinutes).toBe(90);
    await db.settings.put({ key: 'pollIntervalMinutes', value: 'often' });
    await db.settings.put({ key: 'removedInAnOlderVersion', value: 1 });
    const settings = await readSettings(db);
    expect(settings.pollIntervalMinutes).toBe(30);
    expect(settings).not.toHaveProperty('removedInAnOlderVersion');
  });

  it.each([
    [{ pollIntervalMinutes: 5 }, { ok: true, patch: { pollIntervalMinutes: 5 } }],
    [{ pollIntervalMinutes: 1440 }, { ok: true, patch: { pollIntervalMinutes: 1440 } }],
    [{ pollIntervalMinutes: 4 }, { ok: false, key: 'pollIntervalMinutes' }],
    [{ pollIntervalMinutes: 30.5 }, { ok: false, key: 'pollIntervalMinutes' }],
    [{ pollIntervalMinutes: '30' }, { ok: false, key: 'pollIntervalMinutes' }],
    [{ unknown: true }, { ok: false, key: 'unknown' }],
    [{ toString: 1 }, { ok: false, key: 'toString' }],
    [null, { ok: false, key: '' }],
    [[1], { ok: false, key: '' }],
  ])('checks the patch %j', (patch, expected) => {
    expect(parseSettingsPatch(patch)).toEqual(expected);
  });
});
