// The "?" overlay listing the reader's shortcuts (shortcuts.ts). Focus goes to Close and returns where it was.
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../ui/i18n';

/** Each row: the keys, and what they do. Every key of shortcuts.ts is here. */
export const HELP_ROWS: [string[], MessageKey][] = [
  [['j', 'n'], 'helpNext'],
  [['k', 'p'], 'helpPrevious'],
  [['s'], 'helpStar'],
  [['m'], 'helpToggleRead'],
  [['v'], 'helpOpen'],
  [['o'], 'helpFullArticle'],
  [['-', '+'], 'helpTextSize'],
  [['?'], 'helpHelp'],
  [['Esc'], 'helpClose'],
];

/** A modal dialog; clicking the backdrop or Close (or Escape, via the shortcuts) dismisses it. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div class="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">{t('helpTitle')}</h2>
        <dl>
          {HELP_ROWS.map(([keys, label]) => (
            <Fragment key={label}>
              <dt>
                {keys.map((key, index) => (
                  <Fragment key={key}>
                    {index > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </Fragment>
                ))}
              </dt>
              <dd>{t(label)}</dd>
            </Fragment>
          ))}
        </dl>
        <button type="button" ref={close} onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
