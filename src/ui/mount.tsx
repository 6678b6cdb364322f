/// <reference types="vite/client" />
// Every page starts the same way: theme and language from the settings (see appearance.ts), lang and dir on
// <html>, the shared stylesheet, then the app — drawn again, from scratch, when the user picks another language.
import { Fragment, render, type ComponentChild } from 'preact';
import browser from 'webextension-polyfill';
import { followAppearance } from './appearance';
import { languageOverride, uiLocale } from './i18n';
import './styles.css';

/** Render `app` into #app in the language and colours the settings ask for. */
export function mount(app: ComponentChild): void {
  const root = document.getElementById('app');
  if (!root) return;
  void followAppearance(() => {
    document.documentElement.lang = uiLocale();
    // Both translations are left-to-right; the browser's own locale may not be.
    document.documentElement.dir = languageOverride() ? 'ltr' : browser.i18n.getMessage('@@bidi_dir') || 'ltr';
    // A new key remounts the app, so every string is looked up again in the new language.
    render(<Fragment key={languageOverride() ?? 'browser'}>{app}</Fragment>, root);
  });
}
