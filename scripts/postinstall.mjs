// Fetches Electron's binary where the network allows it. Electron's own install
// script is denied in package.json "allowScripts" because on machines that reach
// only the npm registry it fails and would fail the whole install; here the
// attempt is best-effort and Portier falls back to browser mode without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // production install without devDependencies
  }
}

const dir = electronDir();
if (dir && !existsSync(path.join(dir, 'path.txt')) && process.env.PORTIER_SKIP_ELECTRON_DOWNLOAD !== '1') {
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 120_000,
    env: { ...process.env, ELECTRON_GET_USE_PROXY: process.env.ELECTRON_GET_USE_PROXY ?? '' },
  });
  if (result.status === 0 && existsSync(path.join(dir, 'path.txt'))) {
    console.log('portier: Electron binary installed; `npm start` opens the desktop app.');
  } else {
    console.log('portier: the Electron binary could not be downloaded here; `npm start` will use browser mode.');
  }
}
