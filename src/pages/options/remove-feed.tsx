// Remove with an in-page question. A feed with starred entries asks what to do with them: keep them (the
// feed is then listed under "Removed feeds" with them), remove everything, or cancel. Focus moves to the
// safe choice when asked and back to Remove when cancelled.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tPlural } from '../../ui/i18n';

/** Props: the feed's id and name, how many of its entries are starred, and what to do once answered. */
export interface RemoveFeedProps {
  feedId: number;
  name: string;
  starred: number;
  onRemove: (keepStarred: boolean) => void;
}

/** The Remove button, or the question it turns into. */
export function RemoveFeed({ feedId, name, starred, onRemove }: RemoveFeedProps) {
  const [asking, setAsking] = useState(false);
  const safe = useRef<HTMLButtonElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (asking) safe.current?.focus();
    else if (asked.current) button.current?.focus();
    asked.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={button} aria-label={t('removeFeed', name)} onClick={() => setAsking(true)}>
        {t('remove')}
      </button>
    );
  }
  const question = `confirm-${feedId}`;
  return (
    <div class="confirm" role="group" aria-labelledby={question}>
      {starred > 0 ? (
        <>
          <p id={question}>{tPlural('removeStarredConfirm', starred, name)}</p>
          <button type="button" ref={safe} class="primary" onClick={() => onRemove(true)}>
            {t('removeKeepStarred')}
          </button>
          <button type="button" class="danger" onClick={() => onRemove(false)}>
            {t('removeEverything')}
          </button>
        </>
      ) : (
        <>
          <p id={question}>{t('removeConfirm', name)}</p>
          <button type="button" class="danger" onClick={() => onRemove(false)}>
            {t('removeYes')}
          </button>
        </>
      )}
      <button type="button" ref={starred > 0 ? undefined : safe} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
