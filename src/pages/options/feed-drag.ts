// Moving feeds between folders by dragging, with a pointer or the keyboard. Pointer: a feed row is
// draggable and each folder group is a drop target (HTML drag and drop). Keyboard: Space or Enter on a
// row's grip picks the feed up, the arrow keys choose the folder (announced), Space or Enter drops it there,
// Escape puts it back; the group it would land in is highlighted in both cases.
import { useMemo, useRef, useState } from 'preact/hooks';

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

/** The event handlers of a drag, the same functions for the page's whole life: a row that does not re-render
 * (feed-row.tsx is memoized) still calls handlers that see the drag as it is now. */
export interface FeedDragHandlers {
  /** On the grip button: keyboard drag; leaving it drops nothing. */
  grip(feedId: number, name: string, folderId: number): { onKeyDown(event: KeyboardEvent): void; onBlur(): void };
  /** On a feed row: it can be dragged. */
  row(feedId: number): { draggable: true; onDragStart(event: DragEvent): void; onDragEnd(): void };
  /** On a folder group: feeds can be dropped on it. */
  group(folderId: number): { onDragOver(event: DragEvent): void; onDragLeave(event: DragEvent): void; onDrop(event: DragEvent): void };
}

/** What the feeds section needs from a drag: the group highlighted, the feed carried by keyboard, and the handlers. */
export function useFeedDrag(groups: DropGroup[], move: (feedId: number, folderId: number) => void, announce: (text: string) => void, words: DragWords) {
  const [keyboard, setKeyboard] = useState<KeyboardDrag | undefined>();
  const [pointerOver, setPointerOver] = useState<number | undefined>();
  // The handlers below read the latest render's values through this, never the values of the render that made them.
  const latest = useRef({ keyboard, pointerOver, groups, move, announce, words });
  latest.current = { keyboard, pointerOver, groups, move, announce, words };

  const handlers = useMemo<FeedDragHandlers>(() => {
    function gripKey(event: KeyboardEvent, feedId: number, name: string, folderId: number) {
      const { keyboard, groups, move, announce, words } = latest.current;
      if (!keyboard || keyboard.feedId !== feedId) {
        if (event.key !== ' ' && event.key !== 'Enter') return;
        event.preventDefault();
        const over = Math.max(0, groups.findIndex((group) => group.folderId === folderId));
        carry({ feedId, over });
        announce(words.picked(name, groups[over]?.name ?? ''));
        return;
      }
      const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
      if (step !== 0) {
        event.preventDefault();
        const over = (keyboard.over + step + groups.length) % groups.length;
        carry({ feedId, over });
        announce(words.over(groups[over]?.name ?? ''));
      } else if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        const target = groups[keyboard.over];
        carry(undefined);
        if (target) {
          if (target.folderId !== folderId) move(feedId, target.folderId);
          announce(words.dropped(name, target.name));
        }
      } else if (event.key === 'Escape') {
        event.preventDefault();
        carry(undefined);
        announce(words.cancelled(name));
      }
    }
    // The ref follows at once, so a second key pressed before the next render sees the first one's effect.
    function carry(next: KeyboardDrag | undefined) {
      latest.current.keyboard = next;
      setKeyboard(next);
    }
    return {
      grip: (feedId, name, folderId) => ({
        onKeyDown: (event) => gripKey(event, feedId, name, folderId),
        onBlur: () => {
          if (latest.current.keyboard?.feedId === feedId) carry(undefined);
        },
      }),
      row: (feedId) => ({
        draggable: true,
        onDragStart: (event) => {
          event.dataTransfer?.setData(FEED_TYPE, String(feedId));
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        },
        onDragEnd: () => setPointerOver(undefined),
      }),
      group: (folderId) => ({
        onDragOver: (event) => {
          if (!event.dataTransfer?.types.includes(FEED_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          if (latest.current.pointerOver !== folderId) setPointerOver(folderId);
        },
        onDragLeave: (event) => {
          if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setPointerOver(undefined);
        },
        onDrop: (event) => {
          const feedId = Number(event.dataTransfer?.getData(FEED_TYPE));
          setPointerOver(undefined);
          if (!Number.isSafeInteger(feedId) || feedId <= 0) return;
          event.preventDefault();
          latest.current.move(feedId, folderId);
        },
      }),
    };
  }, []);

  return { highlighted: keyboard ? groups[keyboard.over]?.folderId : pointerOver, carrying: keyboard?.feedId, handlers };
}

/** What the keyboard drag announces, in the UI language. */
export interface DragWords {
  picked(feed: string, folder: string): string;
  over(folder: string): string;
  dropped(feed: string, folder: string): string;
  cancelled(feed: string): string;
}
