import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { SessionSlots, isValidSessionId } from '../../electron/server/session-slots';
import { isAllowedExternalUrl } from '../../electron/shell/external-links';
import { electronSqliteCandidates, findElectronSqliteBinding, isNativeLoadError } from '../../electron/shell/native-binding';
import { defaultDataDir, resolveDataDir } from '../../electron/shell/user-data-dir';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../electron/shell/window-state';

const temps: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-shell-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('window state', () => {
  it('round-trips and falls back to the default for a missing, damaged or absurd file', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    for (const content of ['{', 'null', '{"width": 5, "height": 5}', '{"width": "1000", "height": 700}']) {
      fs.writeFileSync(file, content);
      expect(loadWindowState(file), content).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('keeps a window on a display that still exists, and centres one whose display is gone', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(fitToDisplays({ x: 100, y: 100, width: 1000, height: 700, maximized: false }, screen)).toEqual({ x: 100, y: 100, width: 1000, height: 700, maximized: false });
    expect(fitToDisplays({ x: 2500, y: 100, width: 1000, height: 700, maximized: false }, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    expect(fitToDisplays({ width: 4000, height: 3000, maximized: false }, screen)).toEqual({ width: 1920, height: 1040, maximized: false });
  });
});

describe('external links', () => {
  it('opens only http(s) URLs on the allow-list, without credentials', () => {
    const hosts = ['portal.example.com'];
    expect(isAllowedExternalUrl('https://portal.example.com/activate', hosts)).toBe(true);
    expect(isAllowedExternalUrl('http://PORTAL.example.com/', hosts)).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'smb://portal.example.com/x', 'javascript:alert(1)', 'https://user:pw@portal.example.com/', 'https://portal.example.com.evil.example/', 'not a url']) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false);
    }
    expect(isAllowedExternalUrl('https://portal.example.com/')).toBe(false);
  });
});

describe('better-sqlite3 for Electron', () => {
  it('looks next to the resources and in app.asar.unpacked, and finds the first that exists', () => {
    const locations = { appPath: '/opt/Portier/resources/app.asar', resourcesPath: '/opt/Portier/resources' };
    const candidates = electronSqliteCandidates(locations);
    expect(candidates).toEqual([
      path.join('/opt/Portier/resources', 'native', 'electron', 'better_sqlite3.node'),
      path.join('/opt/Portier/resources/app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    ]);
    expect(findElectronSqliteBinding(locations, (f) => f === candidates[1])).toBe(candidates[1]);
    expect(findElectronSqliteBinding(locations, () => false)).toBeUndefined();
    expect(electronSqliteCandidates({ appPath: '/src/portier', resourcesPath: '/usr/lib/electron/resources' })).toContain(
      path.join('/src/portier', 'native', 'electron', 'better_sqlite3.node'),
    );
  });

  it('tells a module that cannot load from other errors', () => {
    expect(isNativeLoadError(Object.assign(new Error('x'), { code: 'ERR_DLOPEN_FAILED' }))).toBe(true);
    expect(isNativeLoadError(new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 127'))).toBe(true);
    expect(isNativeLoadError(new Error('This database was written by a newer version of Portier'))).toBe(false);
  });
});

describe('data folder', () => {
  it('is the per-user folder Electron uses, unless PORTIER_DATA_DIR or --data-dir says otherwise', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe(path.join('/home/ada', '.config', 'Portier'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe(path.join('/cfg', 'Portier'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(path.join('C:\\Users\\ada\\AppData\\Roaming', 'Portier'));
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(path.join('/Users/ada', 'Library', 'Application Support', 'Portier'));
    expect(resolveDataDir(undefined, { PORTIER_DATA_DIR: '/data/p' })).toBe(path.resolve('/data/p'));
    expect(resolveDataDir('/flag', { PORTIER_DATA_DIR: '/data/p' })).toBe(path.resolve('/flag'));
  });
});

describe('browser-mode sessions', () => {
  it('accepts well-formed ids only, keeps only issued ones, and forgets the least recently used signed-in tab beyond the cap', () => {
    expect(isValidSessionId('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(true);
    for (const id of ['', 'short', 'a b c d e f g h i j', 'x'.repeat(129), 'ümlaut-ümlaut-ümlaut']) expect(isValidSessionId(id), id).toBe(false);
    const slots = new SessionSlots(2);
    expect(slots.get('made-up-by-the-client-0123')).toBeUndefined();
    expect(slots.size).toBe(0);
    const signedIn = (staffId: number) => ({ ...newSessionSlot(), staffId });
    const a = slots.issue(signedIn(1));
    expect(isValidSessionId(a)).toBe(true);
    const b = slots.issue(signedIn(2));
    expect(slots.get(a)?.staffId).toBe(1);
    const c = slots.issue(signedIn(3));
    expect(slots.size).toBe(2);
    expect(slots.get(a)?.staffId).toBe(1);
    expect(slots.get(b)).toBeUndefined();
    expect(slots.get(c)?.staffId).toBe(3);
  });
});
