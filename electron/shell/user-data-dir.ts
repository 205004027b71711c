import os from 'node:os';
import path from 'node:path';

/** Electron names the userData folder after package.json "productName"; the CLI must find the same one. */
export const APP_FOLDER_NAME = 'Portier';

/**
 * The per-user folder the desktop app keeps its data in (Electron's
 * app.getPath('userData')), computed without Electron so the CLI and browser
 * mode open the same database. Opening the core makes it owner-only (0700; see
 * core/private-files.ts), whoever created it first.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME);
}

/** --data-dir wins, then PORTIER_DATA_DIR, then the per-user folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag || env.PORTIER_DATA_DIR || defaultDataDir(env));
}
