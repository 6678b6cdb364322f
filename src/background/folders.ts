// Folders: create, rename, reorder, delete (its feeds move out of any folder; no entry is touched), and
// moving feeds between folders. Names are trimmed and unique regardless of case.
import type { ReaderDB } from '../db/schema';
import { CommandError } from './errors';
import { folderId as existingFolder } from './feed-settings';

/** A folder name as stored: trimmed, with runs of spaces made one. */
export function folderName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CommandError('folder-name-empty');
  return value.trim().replace(/\s+/g, ' ');
}

/** The folder named `name` (any case), if there is one. */
export async function folderNamed(db: ReaderDB, name: string) {
  const wanted = name.toLocaleLowerCase();
  return (await db.folders.toArray()).find((folder) => folder.name.toLocaleLowerCase() === wanted);
}

/** Create a folder after the others; returns its id. */
export async function createFolder(db: ReaderDB, value: unknown): Promise<number> {
  const name = folderName(value);
  return db.transaction('rw', db.folders, async () => {
    if (await folderNamed(db, name)) throw new CommandError('folder-exists', { name });
    const last = await db.folders.orderBy('position').last();
    return db.folders.add({ name, position: (last?.position ?? -1) + 1 });
  });
}

/** Rename a folder; a name another folder has is refused. */
export async function renameFolder(db: ReaderDB, id: number, value: unknown): Promise<void> {
  const name = folderName(value);
  await db.transaction('rw', db.folders, async () => {
    if (!(await db.folders.get(id))) throw new CommandError('folder-gone');
    const other = await folderNamed(db, name);
    if (other && other.id !== id) throw new CommandError('folder-exists', { name });
    await db.folders.update(id, { name });
  });
}

/** Move a folder one place up (-1) or down (+1) in the user's order. */
export async function moveFolder(db: ReaderDB, id: number, offset: -1 | 1): Promise<void> {
  await db.transaction('rw', db.folders, async () => {
    const folders = await db.folders.orderBy('position').toArray();
    const index = folders.findIndex((folder) => folder.id === id);
    if (index < 0) throw new CommandError('folder-gone');
    const swap = folders[index + offset];
    if (!swap) return;
    // Positions are rewritten 0…n-1, so ties and gaps from older versions sort themselves out.
    [folders[index], folders[index + offset]] = [swap, folders[index]!];
    await db.folders.bulkPut(folders.map((folder, position) => ({ ...folder, position })));
  });
}

/** Delete a folder; its feeds stay subscribed, outside any folder. */
export async function deleteFolder(db: ReaderDB, id: number): Promise<number> {
  return db.transaction('rw', db.folders, db.feeds, async () => {
    const moved = await db.feeds.where('folderId').equals(id).modify({ folderId: 0 });
    await db.folders.delete(id);
    return moved;
  });
}

/** Put feeds into folder `target` (0: no folder); feeds removed meanwhile are skipped. */
export async function moveFeeds(db: ReaderDB, feedIds: readonly number[], target: unknown): Promise<void> {
  await db.transaction('rw', db.folders, db.feeds, async () => {
    const folderId = await existingFolder(db, target);
    await db.feeds.where('id').anyOf([...feedIds]).modify({ folderId });
  });
}
