// Start Firefox ESR headless with WebDriver BiDi on a free port, in a throwaway profile, and stop it for sure:
// the whole process group is killed (Firefox forks content processes) and the profile removed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian installs Firefox ESR; FIREFOX_PATH overrides it. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True when the Firefox binary exists, i.e. the Firefox tests can run. */
export function firefoxInstalled(): boolean {
  return existsSync(FIREFOX_PATH);
}

/** A value user.js can hold. */
export type Pref = string | number | boolean;

/** A running Firefox: its BiDi WebSocket address and a close that never throws. */
export interface FirefoxProcess {
  /** ws://127.0.0.1:<port> — append `/session` to open a BiDi session. */
  wsUrl: string;
  close(): Promise<void>;
}

/** Give up on a Firefox that has not announced its BiDi port by then (a cold start here takes ~1–2 s). */
const STARTUP_DEADLINE_MS = 20_000;

/** Launch Firefox with `prefs` in user.js; resolves once BiDi listens. */
export async function launchFirefox(prefs: Record<string, Pref>): Promise<FirefoxProcess> {
  const profile = mkdtempSync(join(tmpdir(), 'mirror-reader-firefox-'));
  // JSON string syntax is valid user.js syntax, quotes inside a string value included.
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''));

  const child = spawn(
    FIREFOX_PATH,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access', 'about:blank'],
    // detached: Firefox leads its own process group, so one kill(-pid) reaches every content process.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  // 'error' covers a binary that cannot be spawned at all, which never emits 'exit'.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  // Backstop for a test runner that exits without running afterAll (killed worker): leave nothing behind.
  const onExit = () => {
    killGroup();
    removeProfile();
  };
  process.once('exit', onExit);
  const close = async () => {
    killGroup();
    await exited;
    process.off('exit', onExit);
    removeProfile();
  };

  try {
    return { wsUrl: await bidiAddress(child.stderr, exited), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Read stderr until Firefox prints its BiDi address; keeps draining afterwards so the pipe never fills. */
function bidiAddress(stderr: NodeJS.ReadableStream, exited: Promise<void>): Promise<string> {
  let log = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi:\n${log}`)), STARTUP_DEADLINE_MS);
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      if (log.length < 20_000) log += chunk;
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited before BiDi started:\n${log}`));
    });
  });
}
