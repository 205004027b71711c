import { afterAll, describe, expect, it } from 'vitest';
import { keyFileSecretBox } from '../../electron/core/outbox/secret-box';
import { safeStorageSecretBox, type SafeStorageLike } from '../../electron/shell/safe-storage-box';
import { tempDataDir } from '../support/core';

const data = tempDataDir('portier-safe-storage-');
afterAll(() => data.remove());

/** Electron's safeStorage cannot run here (no Electron binary): a stand-in that reverses and marks the bytes. */
const fakeSafeStorage = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from(`os:${[...plain].reverse().join('')}`),
  decryptString: (encrypted) => [...encrypted.toString().slice(3)].reverse().join(''),
});

describe('the desktop secret box (safeStorage faked: no Electron binary here)', () => {
  it('encrypts with the OS keychain and still reads what browser mode or the CLI wrote with the key file', () => {
    const box = safeStorageSecretBox(fakeSafeStorage(true), data.dir);
    const blob = box.encrypt('tok-123');
    expect(blob.startsWith('ss1:')).toBe(true);
    expect(blob).not.toContain('tok-123');
    expect(box.decrypt(blob)).toBe('tok-123');
    const fromCli = keyFileSecretBox(data.dir).encrypt('smtp-password');
    expect(box.decrypt(fromCli)).toBe('smtp-password');
  });

  it('falls back to the key file where the OS offers no keychain', () => {
    const box = safeStorageSecretBox(fakeSafeStorage(false), data.dir);
    const blob = box.encrypt('tok-456');
    expect(blob.startsWith('ss1:')).toBe(false);
    expect(keyFileSecretBox(data.dir).decrypt(blob)).toBe('tok-456');
  });

  it("refuses Linux's basic_text backend (a key built into Chromium) and uses the key file, still reading older ss1 blobs", () => {
    const keychain = safeStorageSecretBox(fakeSafeStorage(true, 'basic_text'), data.dir, 'darwin').encrypt('written-earlier');
    const box = safeStorageSecretBox(fakeSafeStorage(true, 'basic_text'), data.dir, 'linux');
    const blob = box.encrypt('tok-789');
    expect(blob.startsWith('ss1:')).toBe(false);
    expect(keyFileSecretBox(data.dir).decrypt(blob)).toBe('tok-789');
    expect(box.decrypt(keychain)).toBe('written-earlier');
    // Asked before the app is ready, the backend is 'unknown': no keychain to trust either.
    expect(safeStorageSecretBox(fakeSafeStorage(true, 'unknown'), data.dir, 'linux').encrypt('x').startsWith('ss1:')).toBe(false);
  });

  it('uses a real Linux keychain (libsecret, KWallet), and never asks for a backend off Linux', () => {
    expect(safeStorageSecretBox(fakeSafeStorage(true, 'gnome_libsecret'), data.dir, 'linux').encrypt('x').startsWith('ss1:')).toBe(true);
    expect(safeStorageSecretBox(fakeSafeStorage(true, 'kwallet6'), data.dir, 'linux').encrypt('x').startsWith('ss1:')).toBe(true);
    const noBackendQuery: SafeStorageLike = { ...fakeSafeStorage(true), getSelectedStorageBackend: () => { throw new Error('Linux only'); } };
    expect(safeStorageSecretBox(noBackendQuery, data.dir, 'win32').encrypt('x').startsWith('ss1:')).toBe(true);
  });
});
