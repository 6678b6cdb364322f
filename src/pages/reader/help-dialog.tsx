// The "?" overlay listing the reader's shortcuts. Focus goes to Close and returns where it was.
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../ui/i18n';

const ROWS: [string[], MessageKey][] = [
  [['j', 'n'], 'helpNext'],
  [['k', 'p'], 'helpPrevious'],
  [['o'], 'helpOpen'],
  [['m'], 'helpToggleRead'],
  [['?'], 'helpHelp'],
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
          {ROWS.map(([keys, label]) => (
            <>
              <dt key={`${label}-keys`}>
                {keys.map((key, index) => (
                  <>
                    {index > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </>
                ))}
              </dt>
              <dd key={label}>{t(label)}</dd>
            </>
          ))}
        </dl>
        <button type="button" ref={close} onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
