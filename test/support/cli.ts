import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it (`npm run portier` is this command), without a data folder from the environment; `stdin` is piped in. */
export function runPortier(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PORTIER_DATA_DIR: '', ...env },
    });
    if (stdin !== undefined) child.stdin.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CliFirstLineRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  firstLine: string;
  stderr: string;
}

/**
 * The CLI with its output piped into a reader that closes after the first line, as
 * `portier ... | head -1` does: the CLI's later writes meet a closed pipe (EPIPE).
 */
export function runPortierReadingFirstLine(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliFirstLineRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PORTIER_DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let firstLine: string | null = null;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (firstLine !== null) return;
      stdout += c.toString();
      const end = stdout.indexOf('\n');
      if (end < 0) return;
      firstLine = stdout.slice(0, end);
      child.stdout.destroy();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, firstLine: firstLine ?? stdout, stderr }));
  });
}
