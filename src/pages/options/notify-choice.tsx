// "Notify me of new entries" in a feed's settings. Notifications are an optional permission: turning them on
// asks the browser at once, inside the change event (Firefox refuses a request made after an await); a refusal
// turns the box off again and says why; a feed whose notifications are on while the permission is missing (a
// restored backup, a permission withdrawn in the browser) says so, with a button that asks again.
import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import { requestNotifyPermission, useNotifyPermission } from '../../ui/notify-permission';

/** Props: the checkbox's id and state (saved with the other settings), and how to change it. */
export interface NotifyChoiceProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

type Problem = { kind: 'refused' } | { kind: 'failed'; detail: string };

/** The checkbox and what it has to say about the permission. */
export function NotifyChoice({ id, checked, onChange }: NotifyChoiceProps) {
  const allowed = useNotifyPermission();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();

  /** Ask now (synchronously: call only from a user's click or change); `offIfRefused` unticks the box then. */
  function ask(offIfRefused: boolean) {
    setAsking(true);
    setProblem(undefined);
    const refused = (next: Problem) => {
      setAsking(false);
      setProblem(next);
      if (offIfRefused) onChange(false);
    };
    requestNotifyPermission().then(
      (granted) => (granted ? setAsking(false) : refused({ kind: 'refused' })),
      (error: unknown) => refused({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
  }

  function toggle(event: Event) {
    const on = (event.currentTarget as HTMLInputElement).checked;
    onChange(on);
    setProblem(undefined);
    // Already allowed: nothing to ask. Not known yet: asking answers at once when it is.
    if (on && allowed !== true) ask(true);
  }

  const missing = checked && allowed === false;
  const hint = `${id}-hint`;
  return (
    <div class="notify-choice">
      <label class="choice">
        <input id={id} type="checkbox" checked={checked} aria-describedby={missing || problem ? hint : undefined} onChange={toggle} />
        {t('feedNotifyLabel')}
      </label>
      {problem ? (
        <p id={hint} class="alert" role="alert">
          {problem.kind === 'refused' ? t('notifyRefused') : t('notifyRequestFailed', problem.detail)}
        </p>
      ) : (
        missing && (
          <p id={hint} class="hint">
            {asking ? (
              t('notifyAsking')
            ) : (
              <>
                {t('notifyNotAllowed')}{' '}
                <button type="button" onClick={() => ask(false)}>
                  {t('notifyAllow')}
                </button>
              </>
            )}
          </p>
        )
      )}
    </div>
  );
}
