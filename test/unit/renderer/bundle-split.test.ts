import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

/*
 * The renderer's first screen loads without the password blocklist (10,000 common passwords)
 * and without the settings screens: they are in chunks loaded on first use. Built here as
 * `npm run build` does it, then the entry's static imports are followed.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The start of the blocklist (shared/common-passwords-data.ts), as the bundle holds it. */
const BLOCKLIST = '123456\npassword\n12345678\nqwerty';
let outDir: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bundle-'));
  await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}, 60_000);
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

/** The chunks the page loads before anything is clicked: the entry script and what it imports, statically. */
function firstLoad(): string[] {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(outDir, 'assets', file), 'utf8');
    // Static imports only: `import(...)` (dynamic) is what loads later.
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) if (match[1]) visit(match[1]);
  };
  visit(entry);
  return [...seen];
}

describe('the renderer bundle', () => {
  it('loads the first screen without the password blocklist or the settings screens', () => {
    const first = firstLoad();
    expect(first.length).toBeGreaterThan(0);
    const code = first.map((file) => fs.readFileSync(path.join(outDir, 'assets', file), 'utf8')).join('\n');
    expect(code.includes('portal-accounts:list'), 'the contract is there: this is the app').toBe(true);
    expect(code.includes(BLOCKLIST), 'the blocklist is in the first load').toBe(false);
    expect(first.filter((file) => /^(SettingsScreen|PasswordFeedback|SetupScreen)-/.test(file))).toEqual([]);
    // ...and they are built, as chunks of their own.
    const all = fs.readdirSync(path.join(outDir, 'assets'));
    expect(all.some((file) => file.startsWith('SettingsScreen-'))).toBe(true);
    const blocklist = all.filter((file) => file.endsWith('.js') && fs.readFileSync(path.join(outDir, 'assets', file), 'utf8').includes(BLOCKLIST));
    expect(blocklist).toHaveLength(1);
    expect(first).not.toContain(blocklist[0]);
  });
});
