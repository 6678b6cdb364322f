// The reading settings panel: text size, line width, typeface, and the theme (every page's, sepia included).
// Each change goes to the worker (update-settings) and comes back through the live settings, so every tab follows.
import { useState } from 'preact/hooks';
import { READER_FONTS, READER_FONT_SIZE, READER_WIDTHS, THEMES, type Settings } from '../../db/settings';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, type MessageKey } from '../../ui/i18n';
import { updateSettings } from '../../ui/settings';

const WIDTH_LABELS: Record<Settings['readerWidth'], MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };
const FONT_LABELS: Record<Settings['readerFont'], MessageKey> = { sans: 'fontSans', serif: 'fontSerif' };
const THEME_LABELS: Record<Settings['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };

/** The next text size up or down, within the allowed range. */
export function stepFontSize(size: number, step: 1 | -1): number {
  return Math.min(READER_FONT_SIZE.max, Math.max(READER_FONT_SIZE.min, size + step));
}

/** Props: the current settings (undefined while they load). */
export interface ReadingSettingsProps {
  settings: Settings | undefined;
}

/** The panel's content; the reader shows it under its "Reading settings" button. */
export function ReadingSettings({ settings }: ReadingSettingsProps) {
  const [error, setError] = useState<AppError | undefined>();
  if (!settings) return null;
  const save = async (patch: Partial<Settings>) => {
    const result = await updateSettings(patch);
    setError(result.ok ? undefined : result.error);
  };
  const size = settings.readerFontSize;
  return (
    <div class="reading-settings" id="reading-settings">
      <div class="setting" role="group" aria-labelledby="text-size-label">
        <span id="text-size-label" class="setting-name">{t('textSize')}</span>
        <button type="button" aria-label={t('smallerText')} disabled={size <= READER_FONT_SIZE.min} onClick={() => void save({ readerFontSize: stepFontSize(size, -1) })}>
          A−
        </button>
        <output aria-live="polite">{size}</output>
        <button type="button" aria-label={t('largerText')} disabled={size >= READER_FONT_SIZE.max} onClick={() => void save({ readerFontSize: stepFontSize(size, 1) })}>
          A+
        </button>
      </div>
      <Choice name="readerWidth" legend="lineWidth" values={READER_WIDTHS} labels={WIDTH_LABELS} value={settings.readerWidth} onChange={(readerWidth) => void save({ readerWidth })} />
      <Choice name="readerFont" legend="typeface" values={READER_FONTS} labels={FONT_LABELS} value={settings.readerFont} onChange={(readerFont) => void save({ readerFont })} />
      <Choice name="theme" legend="themeLegend" values={THEMES} labels={THEME_LABELS} value={settings.theme} onChange={(theme) => void save({ theme })} />
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  name: string;
  legend: MessageKey;
  values: readonly T[];
  labels: Record<T, MessageKey>;
  value: T;
  onChange(value: T): void;
}

/** One setting as a group of radio buttons (arrow keys move between them). */
function Choice<T extends string>({ name, legend, values, labels, value, onChange }: ChoiceProps<T>) {
  return (
    <fieldset class="setting">
      <legend class="setting-name">{t(legend)}</legend>
      {values.map((option) => (
        <label key={option} class="choice">
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
          <span>{t(labels[option])}</span>
        </label>
      ))}
    </fieldset>
  );
}
