// "Move to…": a menu button listing the folders (the feed's own checked). Keyboard as the ARIA menu button
// pattern has it: the button opens on Enter, Space or ArrowDown with the current folder focused; arrows,
// Home and End move, Enter or Space picks, Escape (or Tab) closes and gives focus back to the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FolderRow } from '../../db/model';
import { t } from '../../ui/i18n';

/** Props: the feed (its id, and name for the button's label), its folder, the folders, what to do on a pick. */
export interface MoveMenuProps {
  feedId: number;
  feedName: string;
  folderId: number;
  folders: FolderRow[];
  onMove: (folderId: number) => void;
}

/** The button and, while open, its menu. */
export function MoveMenu({ feedId, feedName, folderId, folders, onMove }: MoveMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const choices = [{ id: 0, name: t('noFolder') }, ...folders.map((folder) => ({ id: folder.id, name: folder.name }))];

  useEffect(() => {
    if (open) (menu.current?.children[active] as HTMLElement | undefined)?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the menu, as a native one would.
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  function show() {
    setActive(Math.max(0, choices.findIndex((choice) => choice.id === folderId)));
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function pick(id: number) {
    close(true);
    if (id !== folderId) onMove(id);
  }

  function onMenuKey(event: KeyboardEvent) {
    const last = choices.length - 1;
    const moves: Record<string, number> = { ArrowDown: active === last ? 0 : active + 1, ArrowUp: active === 0 ? last : active - 1, Home: 0, End: last };
    if (event.key in moves) setActive(moves[event.key]!);
    else if (event.key === 'Enter' || event.key === ' ') pick(choices[active]!.id);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  }

  const menuId = `move-menu-${feedId}`;
  return (
    <div class="menu-button">
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('moveToLabel', feedName)}
        onClick={() => (open ? close(true) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            show();
          }
        }}
      >
        {t('moveTo')}
      </button>
      {open && (
        <ul role="menu" id={menuId} ref={menu} aria-label={t('moveFeedLabel', feedName)} onKeyDown={onMenuKey}>
          {choices.map((choice, index) => (
            <li
              key={choice.id}
              role="menuitemradio"
              aria-checked={choice.id === folderId}
              tabIndex={index === active ? 0 : -1}
              onClick={() => pick(choice.id)}
              onMouseEnter={() => setActive(index)}
            >
              {choice.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
