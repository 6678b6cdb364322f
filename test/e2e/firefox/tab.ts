// One Firefox tab driven over BiDi: navigate, evaluate JavaScript, wait for the DOM to show something, click
// like a user, screenshot. Values cross the wire as JSON, so tests read plain strings, numbers and arrays.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BidiClient } from './bidi-client';

/** How long a `waitFor` lets the page take; generous for a cold Firefox on 2 cores. */
const WAIT_DEADLINE_MS = 10_000;

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** A top-level browsing context (tab). */
export class Tab {
  /** Drive an existing context, e.g. one the extension opened. */
  constructor(
    private readonly bidi: BidiClient,
    /** The BiDi browsing-context id. */
    readonly context: string,
  ) {}

  /** Open a new foreground tab sized `width`×`height` CSS pixels. */
  static async open(bidi: BidiClient, viewport: { width: number; height: number }): Promise<Tab> {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await bidi.send('browsingContext.setViewport', { context, viewport });
    return new Tab(bidi, context);
  }

  /** Load `url` and wait for its load event (the page's module scripts have run; async work may not have). */
  async navigate(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** The JSON value of `expression` (awaited if it is a promise); throws the page's exception text. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.bidi.send<EvaluateResult>('script.evaluate', {
      // JSON.stringify on the page side: BiDi's own serialization turns objects into key/value pair lists.
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: this.context },
      awaitPromise: true,
    });
    if (reply.type === 'exception') throw new Error(`In the page: ${reply.exceptionDetails?.text ?? 'unknown exception'}`);
    const json = reply.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  }

  /**
   * Resolve with the first truthy value of `condition` (a JS expression over the page's DOM, or a promise of a
   * value: browser.* state), checked now, after every DOM mutation and every 100 ms (state outside the DOM
   * changes none). A check that throws counts as not yet. Fails after a deadline with `what`, the last error
   * and the page's visible text.
   */
  waitFor<T>(condition: string, what: string): Promise<T> {
    return this.evaluate<T>(`new Promise((resolve, reject) => {
      let settled = false;
      let checking = false;
      let lastError = '';
      const stop = () => {
        settled = true;
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
      };
      // One check at a time: a promise condition must not be asked again while its answer is on the way.
      const check = async () => {
        if (settled || checking) return;
        checking = true;
        try {
          const value = await (${condition});
          if (value && !settled) {
            stop();
            resolve(value);
          }
        } catch (error) {
          lastError = String(error);
        } finally {
          checking = false;
        }
      };
      const observer = new MutationObserver(() => void check());
      const poll = setInterval(() => void check(), 100);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(${JSON.stringify(`Timed out waiting for ${what}.`)} + (lastError ? ' Last error: ' + lastError + '.' : '') + ' Page text: ' + JSON.stringify(document.body?.innerText ?? '')));
      }, ${WAIT_DEADLINE_MS});
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      void check();
    })`);
  }

  /**
   * Click the first element matching `selector` with a real (trusted) mouse click, which the page handles as
   * user input; an element.click() from script is not, and Firefox refuses permission requests from it.
   */
  async click(selector: string): Promise<void> {
    const center = await this.evaluate<{ x: number; y: number } | null>(`(() => {
      const element = document.querySelector(${JSON.stringify(selector)});
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    })()`);
    if (!center) throw new Error(`Nothing to click: no element matches ${selector}`);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', ...center }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
    });
  }

  /** Save a PNG of the viewport to `file` (folders created) and return its bytes. */
  async screenshot(file: string): Promise<Buffer> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    const png = Buffer.from(data, 'base64');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    return png;
  }
}
