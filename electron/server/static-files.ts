import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Unknown types are served as bytes, never sniffed into something executable. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string }
  | { kind: 'bad-request' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

/**
 * Maps a URL path (still percent-encoded, query already removed) to a file
 * under rootDir. Anything that decodes to a `..` segment, a backslash or a NUL
 * is refused before the file system is touched; symlinks leading out of the
 * root are refused too. '/' gives index.html. There is no fallback to
 * index.html for unknown paths: the renderer routes in the URL fragment.
 */
export function lookupStaticFile(rootDir: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return { kind: 'bad-request' };
  const segments = decoded.split('/');
  if (decoded.includes('\\') || segments.some((s) => s === '..' || s === '.')) return { kind: 'forbidden' };

  const root = realRoot(rootDir);
  if (!root) return { kind: 'not-found' };
  const relative = segments.filter((s) => s !== '').join(path.sep);
  const candidate = relative === '' ? path.join(root, 'index.html') : path.join(root, relative);
  const file = realFileInside(root, candidate);
  if (file === 'outside') return { kind: 'forbidden' };
  return file ? { kind: 'file', file } : { kind: 'not-found' };
}

function realRoot(rootDir: string): string | null {
  try {
    return fs.realpathSync(rootDir);
  } catch {
    return null;
  }
}

function realFileInside(root: string, candidate: string): string | null | 'outside' {
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (real !== root && !real.startsWith(root + path.sep)) return 'outside';
  try {
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
