import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project (or unpacked app) folder. This file runs from electron/cli/ under
 * tsx and from dist/cli/ when bundled: both are two levels below the root.
 */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
