import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { PortierBridge } from '../../shared/bridge';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'main', 'main.cjs');
const NO_BINARY = 'Electron binary not installed on this machine (it cannot be downloaded here)';
const NO_DISPLAY = 'no display for Electron here (DISPLAY/WAYLAND_DISPLAY unset; run under xvfb-run)';

/** From Node, require('electron') answers the binary's path, and throws where it was never downloaded. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const skipReason =
  binary === null ? NO_BINARY : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY ? NO_DISPLAY : null;
// The reason is in the title too, so a plain test list shows why nothing ran.
const title = 'the desktop window opens hardened, on the "Create the first administrator" screen';

test(skipReason ? `${title} (skipped: ${skipReason})` : title, async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-electron-'));
  // ELECTRON_RUN_AS_NODE (set by some tool chains) would start Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  const app = await electron.launch({
    executablePath: binary as string,
    args: [MAIN],
    cwd: ROOT,
    env: { ...env, PORTIER_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/portier\/index\.html/);

    // The page gets invoke(), the native save dialog and the data-changed subscription, and nothing of Node.
    const surface = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { bridge: Object.keys(scope.portier as object), require: typeof scope.require, process: typeof scope.process };
    });
    expect(surface).toEqual({ bridge: ['invoke', 'saveFile', 'onDataChanged'], require: 'undefined', process: 'undefined' });
    const answers = await page.evaluate(async () => {
      const { portier } = globalThis as unknown as { portier: PortierBridge };
      return [await portier.invoke('setup:status', {}), await portier.invoke('nope:never', {})];
    });
    expect(answers[0]).toMatchObject({ ok: true, value: { needsAdministrator: true } });
    expect(answers[1]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    // Navigation away and new windows are refused.
    await page.evaluate(() => window.open('https://example.com/'));
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/portier\//);
    expect(fs.existsSync(path.join(dataDir, 'portier.sqlite'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
