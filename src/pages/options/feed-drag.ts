// Moving feeds between folders by dragging, with a pointer or the keyboard. Pointer: a feed row is
// draggable and each folder group is a drop target (HTML drag and drop). Keyboard: Space or Enter on a
// row's grip picks the feed up, the arrow keys choose the folder (announced), Space or Enter drops it there,
// Escape puts it back; the group it would land in is highlighted in both cases.
import { useState } from 'preact/hooks';

/** The data type a dragged feed carries, so unrelated drags (a file, text) are not accepted. */
const FEED_TYPE = 'application/x-mirror-reader-feed';

/** A keyboard drag in progress: which feed, over which group (an index into the groups). */
export interface KeyboardDrag {
  feedId: number;
  over: number;
}

/** Groups are folder ids in page order (0 for feeds outside any folder), each with its name. */
export interface DropGroup {
  folderId: number;
  name: string;
}

/** What the feeds section needs from a drag: props for rows, grips and groups, and the group highlighted. */
export function useFeedDrag(groups: DropGroup[], move: (feedId: number, folderId: number) => void, announce: (text: string) => void, words: DragWords) {
  const [keyboard, setKeyboard] = useState<KeyboardDrag | undefined>();
  const [pointerOver, setPointerOver] = useState<number | undefined>();

  const highlighted = keyboard ? groups[keyboard.over]?.folderId : pointerOver;

  function gripKey(event: KeyboardEvent, feedId: number, name: string, folderId: number) {
    if (!keyboard || keyboard.feedId !== feedId) {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      const over = Math.max(0, groups.findIndex((group) => group.folderId === folderId));
      setKeyboard({ feedId, over });
      announce(words.picked(name, groups[over]?.name ?? ''));
      return;
    }
    const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const over = (keyboard.over + step + groups.length) % groups.length;
      setKeyboard({ feedId, over });
      announce(words.over(groups[over]?.name ?? ''));
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const target = groups[keyboard.over];
      setKeyboard(undefined);
      if (target) {
        if (target.folderId !== folderId) move(feedId, target.folderId);
        announce(words.dropped(name, target.name));
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setKeyboard(undefined);
      announce(words.cancelled(name));
    }
  }

  return {
    highlighted,
    carrying: keyboard?.feedId,
    /** On the grip button: keyboard drag; leaving it drops nothing. */
    grip: (feedId: number, name: string, folderId: number) => ({
      onKeyDown: (event: KeyboardEvent) => gripKey(event, feedId, name, folderId),
      onBlur: () => keyboard?.feedId === feedId && setKeyboard(undefined),
      'aria-pressed': keyboard?.feedId === feedId,
    }),
    /** On a feed row: it can be dragged. */
    row: (feedId: number) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer?.setData(FEED_TYPE, String(feedId));
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      },
      onDragEnd: () => setPointerOver(undefined),
    }),
    /** On a folder group: feeds can be dropped on it. */
    group: (folderId: number) => ({
      onDragOver: (event: DragEvent) => {
        if (!event.dataTransfer?.types.includes(FEED_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (pointerOver !== folderId) setPointerOver(folderId);
      },
      onDragLeave: (event: DragEvent) => {
        if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setPointerOver(undefined);
      },
      onDrop: (event: DragEvent) => {
        const feedId = Number(event.dataTransfer?.getData(FEED_TYPE));
        setPointerOver(undefined);
        if (!Number.isSafeInteger(feedId) || feedId <= 0) return;
        event.preventDefault();
        move(feedId, folderId);
      },
    }),
  };
}

/** What the keyboard drag announces, in the UI language. */
export interface DragWords {
  picked(feed: string, folder: string): string;
  over(folder: string): string;
  dropped(feed: string, folder: string): string;
  cancelled(feed: string): string;
}
