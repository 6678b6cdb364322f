// Run Mozilla's add-on linter (`web-ext lint`, what addons.mozilla.org runs on upload) over a build.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** One finding of the linter. */
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/** The linter's JSON report. */
export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Lint `dist` (config discovery off, so a stray web-ext-config cannot change the verdict). */
export function lintBuild(dist: string): Promise<LintReport> {
  // The local binary, not npx: no npm start-up, and always the pinned version.
  const child = spawn(resolve('node_modules/.bin/web-ext'), ['lint', '--source-dir', resolve(dist), '--no-config-discovery', '--output', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    // A non-zero exit only means "errors found"; the report says which, so parse it either way.
    child.once('close', () => {
      try {
        resolvePromise(JSON.parse(stdout) as LintReport);
      } catch {
        reject(new Error(`web-ext lint printed no JSON report:\n${stdout}\n${stderr}`));
      }
    });
  });
}
