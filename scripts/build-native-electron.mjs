// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules alone (tests, CLI and browser mode need that one).
// electron/main.ts passes native/electron/better_sqlite3.node to the core as
// `nativeBinding`. Needs Electron's headers (https://www.electronjs.org/headers)
// or a prebuilt download, and a C++ toolchain. Run: node scripts/build-native-electron.mjs
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const target = path.join(root, 'native', 'electron', 'better_sqlite3.node');

// An npm "nodedir" setting (e.g. in ~/.npmrc, seen here under `npm run`) would
// make node-gyp compile against Node's headers instead of Electron's: wrong ABI.
delete process.env.npm_config_nodedir;
delete process.env.NPM_CONFIG_NODEDIR;

// @electron/rebuild is a pinned devDependency (electron-builder uses the same).
const { rebuild } = await import('@electron/rebuild');

// A throw-away project whose only dependency is a copy of better-sqlite3.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-sqlite-electron-'));
try {
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'sqlite-for-electron', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  fs.cpSync(sqliteDir, path.join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(sqliteDir, 'build')),
  });
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})...`);
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true, arch: process.arch });
  const built = path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`the build produced no ${path.basename(built)}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  console.log(`Wrote ${path.relative(root, target)}; the desktop app loads it at start.`);
} catch (error) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}`);
  console.error('This needs Electron\'s headers (https://www.electronjs.org/headers) or its prebuilt download, and a C++ toolchain.');
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
