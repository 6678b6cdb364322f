/// <reference types="vite/client" />
// Every page starts the same way: language and direction on <html>, the shared stylesheet, then the app.
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { uiLocale } from './i18n';
import './styles.css';

/** Render `app` into #app after setting lang/dir from the extension's UI locale. */
export function mount(app: ComponentChild): void {
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  const root = document.getElementById('app');
  if (root) render(app, root);
}
