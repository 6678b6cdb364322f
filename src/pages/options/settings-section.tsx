// Settings: how often feeds are checked, how long entries are kept, theme, language and the RSSHub instance.
// The form starts from the stored settings and saves them together through update-settings.
import { useState } from 'preact/hooks';
import { THEMES, type Settings } from '../../db/settings';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural, type MessageKey } from '../../ui/i18n';
import { updateSettings, useSettings } from '../../ui/settings';

/** Choices for the refresh interval, in minutes. */
const INTERVALS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

type Editable = Pick<Settings, 'pollIntervalMinutes' | 'keepDays' | 'keepCount' | 'theme' | 'language' | 'rsshubUrl'>;

/** The settings form; `onStatus` announces a save. */
export function SettingsSection({ onStatus }: { onStatus: (text: string) => void }) {
  const settings = useSettings();
  if (!settings) return <p class="muted">{t('loading')}</p>;
  return <SettingsForm stored={settings} onStatus={onStatus} />;
}

function SettingsForm({ stored, onStatus }: { stored: Settings; onStatus: (text: string) => void }) {
  const [draft, setDraft] = useState<Editable>(() => pick(stored));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await updateSettings({ ...draft, rsshubUrl: draft.rsshubUrl.trim() });
    setBusy(false);
    if (result.ok) onStatus(t('settingsSaved'));
    else setError(result.error);
  }

  return (
    <form class="settings" onSubmit={(event) => void save(event)}>
      <div class="field">
        <label for="poll-interval">{t('pollIntervalLabel')}</label>
        <select id="poll-interval" value={draft.pollIntervalMinutes} onChange={(event) => set('pollIntervalMinutes', Number(event.currentTarget.value))}>
          {[...new Set([...INTERVALS, draft.pollIntervalMinutes])].sort((a, b) => a - b).map((minutes) => (
            <option key={minutes} value={minutes}>
              {intervalText(minutes)}
            </option>
          ))}
        </select>
        <p class="hint">{t('pollIntervalHint')}</p>
      </div>
      <fieldset>
        <legend>{t('retentionLegend')}</legend>
        <NumberField id="keep-days" label="keepDaysLabel" value={draft.keepDays} max={3650} onChange={(value) => set('keepDays', value)} />
        <NumberField id="keep-count" label="keepCountLabel" value={draft.keepCount} max={100_000} onChange={(value) => set('keepCount', value)} />
        <p class="hint">{t('retentionHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} class="choice">
            <input type="radio" name="theme" value={theme} checked={draft.theme === theme} onChange={() => set('theme', theme)} />
            {t(THEME_LABELS[theme])}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="language">{t('languageLabel')}</label>
        <select id="language" value={draft.language} onChange={(event) => set('language', event.currentTarget.value as Editable['language'])}>
          <option value="browser">
            {t('languageBrowser')}
          </option>
          <option value="en" lang="en">
            {t('languageEnglish')}
          </option>
          <option value="zh_CN" lang="zh-CN">
            {t('languageChinese')}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="rsshub-url">{t('rsshubLabel')}</label>
        <input id="rsshub-url" type="url" value={draft.rsshubUrl} aria-describedby="rsshub-hint" onInput={(event) => set('rsshubUrl', event.currentTarget.value)} />
        <p id="rsshub-hint" class="hint">
          {t('rsshubHint')}
        </p>
      </div>
      {error && <ErrorAlert error={error} />}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {t('saveSettings')}
      </button>
    </form>
  );
}

const THEME_LABELS: Record<Settings['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };

/** A whole-number input (0 means no limit). */
function NumberField(props: { id: string; label: MessageKey; value: number; max: number; onChange: (value: number) => void }) {
  return (
    <div class="field inline">
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={0}
        max={props.max}
        step={1}
        value={props.value}
        onInput={(event) => props.onChange(Math.max(0, Math.trunc(Number(event.currentTarget.value) || 0)))}
      />
    </div>
  );
}

/** "30 minutes", "2 hours", "1 day" in the UI language. */
export function intervalText(minutes: number): string {
  if (minutes % 1440 === 0) return tPlural('everyDays', minutes / 1440);
  if (minutes % 60 === 0) return tPlural('everyHours', minutes / 60);
  return tPlural('everyMinutes', minutes);
}

function pick(settings: Settings): Editable {
  const { pollIntervalMinutes, keepDays, keepCount, theme, language, rsshubUrl } = settings;
  return { pollIntervalMinutes, keepDays, keepCount, theme, language, rsshubUrl };
}
