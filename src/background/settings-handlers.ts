// The update-settings command: a patch checked key by key against SETTINGS, stored in one write.
import type { ReaderDB } from '../db/schema';
import { parseSettingsPatch, writeSettings } from '../db/settings';
import { CommandError } from './errors';
import { imagesAfterSettings } from './image-hooks';
import type { Handlers } from './router';

/** Handler of update-settings. */
export function settingsHandlers(db: ReaderDB): Pick<Handlers, 'update-settings'> {
  return {
    async 'update-settings'({ patch }) {
      const checked = parseSettingsPatch(patch);
      if (!checked.ok) throw new CommandError('invalid-setting', { key: checked.key });
      await writeSettings(db, checked.patch);
      await imagesAfterSettings(db, checked.patch);
      return null;
    },
  };
}
