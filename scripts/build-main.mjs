// Bundles the Electron main process, the preload and the CLI with esbuild.
// Native modules stay external: they are loaded from node_modules at run time
// (better-sqlite3 possibly from an Electron-ABI build, see README).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// pdfkit reads its font metrics from its own folder at run time, so it is loaded from node_modules too.
// esbuild (a native binary) bundles the portal's browser scripts when the portal starts: loaded from node_modules too.
// pg-native is node-postgres's optional native driver, which Portier does not use (pg requires it only when asked for it).
const external = ['electron', 'better-sqlite3', '@node-rs/argon2', 'pdfkit', 'esbuild', 'pg-native'];
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', external }),
  // The outbox's SMTP thread (see electron/core/outbox/threaded-sender.ts), used by the desktop app and `serve`.
  build({ ...common, entryPoints: ['electron/core/outbox/sender-thread.ts'], outfile: 'dist/main/sender-thread.cjs', format: 'cjs', external }),
  // Template previews under a time limit (see electron/core/templates/preview-thread.ts), for the desktop app and `serve`.
  build({ ...common, entryPoints: ['electron/core/templates/template-thread.ts'], outfile: 'dist/main/template-thread.cjs', format: 'cjs', external }),
  // A sandboxed preload is CommonJS and may require nothing but 'electron':
  // everything else it needs (the contract's channel list, hence zod) is
  // bundled in, minified because it loads with every page.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
  build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli/portier.mjs',
    format: 'esm',
    external,
    // Bundled CommonJS code calls require(); ESM has none unless we provide it.
    banner: { js: "import { createRequire as __portierCreateRequire } from 'node:module';\nconst require = __portierCreateRequire(import.meta.url);" },
  }),
]);
