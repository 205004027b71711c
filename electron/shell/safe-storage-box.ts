import { keyFileSecretBox, type SecretBox } from '../core/outbox/secret-box';

/** The part of Electron's safeStorage this box uses (an interface, so the core and tests stay free of Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keychain safeStorage found ('basic_text' = none, a key built into Chromium). */
  getSelectedStorageBackend?(): string;
}

const PREFIX = 'ss1:';

/**
 * Linux backends that are no keychain: 'basic_text' encrypts with a password hard-coded in
 * Chromium, so its blobs are as good as plain text to anyone who copies the data folder;
 * 'unknown' means safeStorage was asked before the app was ready and cannot be trusted yet.
 * The key file (0600, in a 0700 folder) is at least a secret of this user.
 */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

/** Whether safeStorage offers a real OS keychain here. */
export function hasOsKeychain(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  return !NOT_A_KEYCHAIN.has(safeStorage.getSelectedStorageBackend?.() ?? 'unknown');
}

/**
 * The desktop app's secret box: new secrets are encrypted with the operating system's
 * keychain through Electron's safeStorage ("ss1:" blobs); blobs written by browser mode or
 * the CLI (the key file) are still read. Where the OS offers no keychain (safeStorage
 * unavailable, or Linux's basic_text backend), new secrets go to the key file, as in
 * browser mode; "ss1:" blobs written earlier are still read while safeStorage can.
 */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, dataDir: string, platform: NodeJS.Platform = process.platform): SecretBox {
  const fallback = keyFileSecretBox(dataDir);
  const decrypt = (blob: string): string =>
    blob.startsWith(PREFIX) ? safeStorage.decryptString(Buffer.from(blob.slice(PREFIX.length), 'base64')) : fallback.decrypt(blob);
  if (!hasOsKeychain(safeStorage, platform)) {
    if (!safeStorage.isEncryptionAvailable()) return fallback;
    return { encrypt: (plain) => fallback.encrypt(plain), decrypt };
  }
  return { encrypt: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'), decrypt };
}
