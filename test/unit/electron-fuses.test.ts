import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 9, point 8: the packaged app's Electron fuses, read from electron-builder.yml as
 * electron-builder will (the binary itself cannot be built here). Each fuse is a switch
 * baked into the binary: an attacker with a shell cannot turn Portier into a Node runtime
 * (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) or swap its code next to the archive.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The `electronFuses:` block of the YAML: `key: true|false` lines indented under it. */
function readFuses(yaml: string): Record<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line));
  expect(start, 'electronFuses: at the top level of electron-builder.yml').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const entry = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!entry) {
      expect(line, 'the block ends at the next top-level key').toMatch(/^\S/);
      break;
    }
    fuses[entry[1] as string] = entry[2] === 'true';
  }
  return fuses;
}

describe('the Electron fuses of the packaged app (read from electron-builder.yml; no Electron binary here)', () => {
  const fuses = readFuses(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));

  it('turn off running as Node, NODE_OPTIONS and the inspector flags', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('turn on cookie encryption, loading the app only from app.asar, and its integrity check', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it("use only keys electron-builder's own schema knows (a misspelt fuse would be refused or ignored)", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).length).toBeGreaterThanOrEqual(6);
    for (const key of Object.keys(fuses)) expect(known, key).toContain(key);
  });
});
