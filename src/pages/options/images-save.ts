// Saving one part of Options → Images: the patch goes to the worker's update-settings command; the page
// announces success in its status line and shows a refusal in the form's alert.
import { useState } from 'preact/hooks';
import type { Settings } from '../../db/settings';
import type { AppError } from '../../shared/errors';
import { t } from '../../ui/i18n';
import { updateSettings } from '../../ui/settings';

/** A form's save state and its save function. */
export interface Saver {
  busy: boolean;
  error: AppError | undefined;
  save(patch: Partial<Settings>): Promise<boolean>;
}

/** Save patches, announcing "Image settings saved." through `onStatus`. */
export function useSaver(onStatus: (text: string) => void): Saver {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  return {
    busy,
    error,
    async save(patch) {
      setBusy(true);
      setError(undefined);
      const result = await updateSettings(patch);
      setBusy(false);
      if (result.ok) onStatus(t('imagesSaved'));
      else setError(result.error);
      return result.ok;
    },
  };
}
