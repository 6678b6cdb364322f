// What every Firefox test file shares: the build it installs, the add-on's id, whether Firefox ESR is on this
// machine (a suite without it is skipped, saying why; .ci/run counts a skipped test as a failure), and the
// check that the Firefox build exists, which every file makes through firefoxTestFile.
import { existsSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { FIREFOX_PATH, firefoxInstalled } from './launch-firefox';

/** The Firefox build (npm run build writes it). */
export const DIST = 'dist-firefox';
/** The add-on id in the Firefox manifest (vite.config.ts). */
export const GECKO_ID = 'mirror-reader@mirror-reader.dev';
/** Whether Firefox ESR can be started here. */
export const installed = firefoxInstalled();
/** Why a Firefox suite is skipped when it is not. */
export const skipReason = `skipped: ${FIREFOX_PATH} is not installed (apt-get install firefox-esr, or set FIREFOX_PATH)`;

/** Throw, naming the command to run, when the Firefox build is missing. */
function requireFirefoxBuild(): void {
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error(`${DIST}/ is missing: run \`npm run build\` first.`);
}

/** At the top of a Firefox test file: say why its suites are skipped when Firefox is missing, and require the build. */
export function firefoxTestFile(what: string): void {
  if (!installed) console.warn(`Firefox ${what} tests ${skipReason}`);
  beforeAll(requireFirefoxBuild);
}
