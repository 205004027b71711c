import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/**
 * The portal's browser scripts, by the address pages load them from, and their sources. Each is
 * bundled with esbuild (with what it imports from shared/, so the browser runs the very code the
 * core runs) once per process, in memory, when the portal starts.
 */
const SCRIPTS = {
  '/assets/password-feedback.js': 'electron/portal/browser/password-feedback.ts',
} as const;

export type PortalScript = keyof typeof SCRIPTS;

/** This file runs from electron/portal/ under tsx and from dist/cli/ when bundled: both two levels below the project. */
const projectRoot = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const bundles = new Map<PortalScript, Promise<string | null>>();

/** The script's bundle, or null when it cannot be built here (pages then work without it, as without JavaScript). */
export function portalScript(script: PortalScript, onError?: (error: unknown) => void): Promise<string | null> {
  let bundle = bundles.get(script);
  if (!bundle) {
    bundle = (async () => {
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [path.join(projectRoot(), SCRIPTS[script])],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
      });
      return result.outputFiles[0]?.text ?? null;
    })().catch((error: unknown) => {
      onError?.(error);
      return null;
    });
    bundles.set(script, bundle);
  }
  return bundle;
}

/** Serves the scripts (bundling starts now, so the first page that needs one does not wait for it). */
export function registerPortalScripts(app: FastifyInstance): void {
  for (const script of Object.keys(SCRIPTS) as PortalScript[]) {
    void portalScript(script);
    app.get(script, async (_request, reply) => {
      const code = await portalScript(script);
      if (code === null) return reply.code(404).type('text/plain; charset=utf-8').send('');
      return reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(code);
    });
  }
}
