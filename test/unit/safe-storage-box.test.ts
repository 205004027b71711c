import { afterAll, describe, expect, it } from 'vitest';
import { keyFileSecretBox } from '../../electron/core/outbox/secret-box';
import { safeStorageSecretBox, type SafeStorageLike } from '../../electron/shell/safe-storage-box';
import { tempDataDir } from '../support/core';

const data = tempDataDir('portier-safe-storage-');
afterAll(() => data.remove());

/** Electron's safeStorage cannot run here (no Electron binary): a stand-in that reverses and marks the bytes. */
const fakeSafeStorage = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
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
});
