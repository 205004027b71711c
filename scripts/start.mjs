// `npm start`: build if needed, then open the desktop app where Electron can
// start, otherwise serve the same renderer in browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const OUTPUTS = ['dist/renderer/index.html', 'dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/cli/portier.mjs'];
const SOURCES = ['electron', 'shared', 'renderer', 'resources', 'package.json', 'scripts/build-main.mjs'];

/** Newest mtime under a file or folder (node_modules and dist skipped). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function buildIsStale() {
  const outputs = OUTPUTS.map((file) => path.join(root, file));
  if (!outputs.every((file) => fs.existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > oldestOutput);
}

/** Why Electron cannot start here, or null if it can. */
function electronUnavailable() {
  let binary;
  try {
    // From plain Node, require('electron') answers the binary's path (and throws when it was never downloaded).
    binary = require('electron');
  } catch {
    return 'the Electron binary is not installed (it could not be downloaded)';
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) return 'the Electron binary is missing';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)';
  return null;
}

/** Runs a child with our terminal; Ctrl+C and SIGTERM reach it, and its exit code becomes ours. */
function runForwardingSignals(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (error) => {
    console.error(`portier: could not start ${command}: ${error.message}`);
    process.exitCode = 1;
  });
}

if (buildIsStale()) {
  console.log('portier: building (dist is missing or older than the sources)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('portier: the build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

const reason = electronUnavailable();
if (reason === null) {
  // ELECTRON_RUN_AS_NODE in the environment would turn the app into a plain Node script.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwardingSignals(require('electron'), [root], env);
} else {
  console.log(`portier: Electron cannot start here: ${reason}. Using browser mode instead.`);
  runForwardingSignals(process.execPath, [path.join(root, 'dist', 'cli', 'portier.mjs'), 'serve', ...process.argv.slice(2)]);
}
