// One folder in the feeds list — or the feeds outside any folder — as a drop target with a heading: its
// name and how many feeds it holds, then (for a real folder) Rename, Move up, Move down and Delete, which
// asks first and keeps the feeds. Its feeds follow in a list named after it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FolderRow } from '../../db/model';
import type { AppError } from '../../shared/errors';
import type { Result } from '../../shared/messages';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural } from '../../ui/i18n';
import { command } from '../../ui/send';
import type { FeedDragHandlers } from './feed-drag';

/** Props: the folder (undefined for "not in a folder"), its name, place, size, whether a drag is over it, the
 * drag's handlers, its feeds. */
export interface FolderGroupProps {
  folder: FolderRow | undefined;
  name: string;
  first: boolean;
  last: boolean;
  feeds: number;
  highlighted: boolean;
  drag: FeedDragHandlers;
  onStatus: (text: string) => void;
  children: ComponentChildren;
}

/** `<section class="folder">` with its heading, tools and feed list. */
export function FolderGroup({ folder, name, first, last, feeds, highlighted, drag, onStatus, children }: FolderGroupProps) {
  const folderId = folder?.id ?? 0;
  const heading = `folder-${folderId}-heading`;
  return (
    <section class={highlighted ? 'folder drop-target' : 'folder'} aria-labelledby={heading} data-folder-id={folderId} {...drag.group(folderId)}>
      <header>
        <h3 id={heading}>
          {name} <span class="count">{t('folderCount', feeds)}</span>
        </h3>
        {folder && <FolderTools folder={folder} first={first} last={last} feeds={feeds} onStatus={onStatus} />}
      </header>
      {feeds === 0 && <p class="muted drop-hint">{t('folderEmpty')}</p>}
      <ul class="feeds" aria-label={t('feedsInFolder', name)}>
        {children}
      </ul>
    </section>
  );
}

type Mode = 'idle' | 'renaming' | 'deleting';

function FolderTools({ folder, first, last, feeds, onStatus }: { folder: FolderRow; first: boolean; last: boolean; feeds: number; onStatus: (text: string) => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(folder.name);
  const [error, setError] = useState<AppError | undefined>();
  const field = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mode === 'renaming') field.current?.select();
    if (mode === 'deleting') cancel.current?.focus();
  }, [mode]);

  async function run(result: Promise<Result<unknown>>, done: string): Promise<void> {
    setError(undefined);
    const reply = await result;
    if (reply.ok) {
      setMode('idle');
      onStatus(done);
    } else setError(reply.error);
  }

  const idle = mode === 'idle';
  return (
    <div class="tools">
      {mode === 'renaming' && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(command('rename-folder', { folderId: folder.id, name }), t('folderRenamed', name.trim()));
          }}
        >
          <label for={`rename-${folder.id}`} class="visually-hidden">
            {t('folderNewName', folder.name)}
          </label>
          <input id={`rename-${folder.id}`} ref={field} type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setMode('idle');
              setName(folder.name);
              setError(undefined);
            }}
          >
            {t('cancel')}
          </button>
        </form>
      )}
      {mode === 'deleting' && (
        <div class="confirm" role="group" aria-labelledby={`delete-${folder.id}`}>
          <p id={`delete-${folder.id}`}>{tPlural('folderDeleteConfirm', feeds, folder.name)}</p>
          <button type="button" class="danger" onClick={() => void run(command('delete-folder', { folderId: folder.id }), t('folderDeleted', folder.name))}>
            {t('folderDeleteYes')}
          </button>
          <button type="button" ref={cancel} onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      )}
      {idle && (
        <>
          <button type="button" aria-label={t('folderRename', folder.name)} onClick={() => setMode('renaming')}>
            {t('rename')}
          </button>
          <button type="button" disabled={first} aria-label={t('folderUp', folder.name)} onClick={() => void run(command('move-folder', { folderId: folder.id, offset: -1 }), t('folderMoved', folder.name))}>
            ↑
          </button>
          <button type="button" disabled={last} aria-label={t('folderDown', folder.name)} onClick={() => void run(command('move-folder', { folderId: folder.id, offset: 1 }), t('folderMoved', folder.name))}>
            ↓
          </button>
          <button type="button" aria-label={t('folderDelete', folder.name)} onClick={() => setMode('deleting')}>
            {t('delete')}
          </button>
        </>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
