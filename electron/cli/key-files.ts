import fs from 'node:fs';
import path from 'node:path';
import { CODE_KEY_FILE } from '../core/activation/code-key';
import { SECRET_KEY_FILE } from '../core/outbox/secret-box';

/**
 * The key files of a data folder: the secrets in the database (the SMTP password, letters, links
 * waiting in the outbox) are encrypted with portier.key, activation codes are checked with
 * portier-code.key. A database is only whole together with the keys it was written with.
 */
export const KEY_FILES = [SECRET_KEY_FILE, CODE_KEY_FILE] as const;

/**
 * Copies the key files of `from` into `to` where `to` has none (owner-only, as Portier makes
 * them); never replaces a key file. Resolves to one line per file saying what happened.
 */
export function copyKeyFiles(from: string, to: string): string[] {
  return KEY_FILES.map((name) => {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (!fs.existsSync(source)) return `${name}: not in ${from}; secrets in the copy can only be read with the key file the office database was used with.`;
    if (fs.existsSync(target)) {
      return fs.readFileSync(target).equals(fs.readFileSync(source)) ? `${name}: already in ${to}.` : `${name}: ${to} has another one, left as it is; secrets in the copy need the one in ${from}.`;
    }
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(target, 0o600);
    return `${name}: copied from ${from}.`;
  });
}
