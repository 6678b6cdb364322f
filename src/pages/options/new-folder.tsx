// "New folder" + Create folder; the worker refuses an empty name or one that exists (any case).
import { useState } from 'preact/hooks';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { command } from '../../ui/send';

/** The form; `onStatus` announces the new folder. */
export function NewFolder({ onStatus }: { onStatus: (text: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  return (
    <form
      class="new-folder"
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        void command('create-folder', { name }).then((result) => {
          if (!result.ok) return setError(result.error);
          onStatus(t('folderCreated', name.trim()));
          setName('');
        });
      }}
    >
      <label for="new-folder">{t('newFolderLabel')}</label>
      <div class="row">
        <input id="new-folder" type="text" value={name} aria-invalid={error ? true : undefined} onInput={(event) => setName(event.currentTarget.value)} />
        <button type="submit">{t('createFolder')}</button>
      </div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
