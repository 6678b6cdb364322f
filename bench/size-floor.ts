// The size bench's reference build: the same source files esbuild-bundled and minified, in memory.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

// Rolldown (vite) proves unused library modules pure and drops them; esbuild keeps any module whose package
// does not declare `sideEffects: false` (htmlparser2's index pulls in dom-serializer and two copies of the
// entity tables). Declaring it for every package puts the two bundlers on the same footing.
const packagesWithoutSideEffects: Plugin = {
  name: 'packages-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SELF) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SELF });
      return { ...found, sideEffects: false };
    });
  },
};
const SELF = Symbol('resolving');

/** The files esbuild writes for `entries` bundled into one minified ES module (JS, plus CSS if any is imported). */
export async function esbuildOutputs(entries: string[], scriptsOnly = false): Promise<Uint8Array[]> {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // What vite defines for a production build; libraries drop their development branches on it.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Nothing is written (write: false), but esbuild needs a folder to name the CSS it splits out.
    outdir: join(tmpdir(), 'size-floor'),
    write: false,
    logLevel: 'silent',
    plugins: [packagesWithoutSideEffects],
  });
  return result.outputFiles.filter((file) => !scriptsOnly || file.path.endsWith('.js')).map((file) => file.contents);
}
