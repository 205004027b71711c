import fs from 'node:fs';
import path from 'node:path';

/** Where an Electron-ABI build of better-sqlite3 is kept, relative to the app or its resources. */
export const ELECTRON_SQLITE_BINDING = path.join('native', 'electron', 'better_sqlite3.node');

export interface AppLocations {
  /** app.getAppPath(): the project folder in development, .../resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
}

/**
 * Places to look for the Electron build, in order: next to app.asar as an
 * extra resource, in app.asar.unpacked (a .node file cannot be loaded from
 * inside an asar archive), and in the project folder during development.
 */
export function electronSqliteCandidates({ appPath, resourcesPath }: AppLocations): string[] {
  const unpacked = appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
  return [...new Set([path.join(resourcesPath, ELECTRON_SQLITE_BINDING), path.join(unpacked, ELECTRON_SQLITE_BINDING)])];
}

/**
 * The first candidate that exists, or undefined: then better-sqlite3 loads its
 * own build from node_modules, which is right in a package (electron-builder
 * rebuilt it for Electron) and wrong in a development checkout (built for Node).
 */
export function findElectronSqliteBinding(locations: AppLocations, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  return electronSqliteCandidates(locations).find((file) => exists(file));
}

/** A native module that could not be loaded (wrong ABI, platform or architecture), as opposed to a database problem. */
export function isNativeLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED') return true;
  return /NODE_MODULE_VERSION|invalid ELF header|wrong ELF class|not a valid Win32 application|dlopen|Could not locate the bindings file/i.test(error.message);
}
