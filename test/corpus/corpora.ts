// Where the shared corpora live (../shared/corpora from the project root); absent on a user's machine.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of ../shared/corpora, resolved from the project root. */
export const CORPORA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpora');

/** Whether the corpora folder is present (the corpus suite skips, and says so, when it is not). */
export const HAVE_CORPORA = existsSync(join(CORPORA, 'feedparser', 'translated_cases.json'));

/** Every file under `dir`, recursively, as absolute paths. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
