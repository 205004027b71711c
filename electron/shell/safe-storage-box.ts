import { keyFileSecretBox, type SecretBox } from '../core/outbox/secret-box';

/** The part of Electron's safeStorage this box uses (an interface, so the core and tests stay free of Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const PREFIX = 'ss1:';

/**
 * The desktop app's secret box: new secrets are encrypted with the operating system's
 * keychain through Electron's safeStorage ("ss1:" blobs); blobs written by browser mode or
 * the CLI (the key file) are still read. Where the OS offers no keychain (safeStorage
 * unavailable), the key file is used, as in browser mode.
 */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, dataDir: string): SecretBox {
  const fallback = keyFileSecretBox(dataDir);
  if (!safeStorage.isEncryptionAvailable()) return fallback;
  return {
    encrypt: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    decrypt: (blob) => (blob.startsWith(PREFIX) ? safeStorage.decryptString(Buffer.from(blob.slice(PREFIX.length), 'base64')) : fallback.decrypt(blob)),
  };
}
