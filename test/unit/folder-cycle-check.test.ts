import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Issue 10, point 4: no cycles between the folders of electron/core. The project's
 * .dependency-cruiser.cjs (what `npm run check:deps` runs) is run on tiny source trees,
 * so the test shows the check can fail, and on what.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

let tree: string | undefined;
afterEach(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

/** Writes the files (path -> source) into a fresh directory and runs the check there. */
async function check(files: Record<string, string>): Promise<{ errors: number; report: string }> {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-folders-'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    fs.writeFileSync(path.join(tree, file), source);
  }
  const result = await cruise(['electron'], {
    ...config.options,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    outputType: 'err',
    baseDir: tree,
  });
  return { errors: result.exitCode, report: String(result.output) };
}

describe('the folder check of the core', () => {
  it('fails on two core folders that import each other, type-only imports included', async () => {
    const { errors, report } = await check({
      'electron/core/staff/staff-service.ts': "import { hashPassword } from '../auth/password-hash';\nexport const create = () => hashPassword();\n",
      'electron/core/auth/password-hash.ts': "import type { StaffRow } from '../staff/staff-repository';\nexport const hashPassword = (): StaffRow | null => null;\n",
      'electron/core/staff/staff-repository.ts': 'export interface StaffRow { id: number }\n',
    });
    expect(errors).toBeGreaterThan(0);
    expect(report).toContain('no-core-folder-cycle: electron/core/auth');
    expect(report).toContain('no-core-folder-cycle: electron/core/staff');
  });

  it('fails on a cycle around three folders', async () => {
    const { errors, report } = await check({
      'electron/core/contacts/person-service.ts': "import { refresh } from '../portal-accounts/account-index';\nexport const update = () => refresh();\n",
      'electron/core/portal-accounts/account-index.ts': "import { groups } from '../role-groups/role-groups';\nexport const refresh = () => groups();\n",
      'electron/core/role-groups/role-groups.ts': "import { update } from '../contacts/person-service';\nexport const groups = () => typeof update;\n",
    });
    expect(errors).toBeGreaterThan(0);
    expect(report).toContain('no-core-folder-cycle');
  });

  it('passes when the dependencies between folders go one way', async () => {
    const { errors } = await check({
      'electron/core/staff/staff-service.ts': "import { hashPassword } from '../auth/password-hash';\nexport const create = () => hashPassword();\n",
      'electron/core/auth/password-hash.ts': 'export const hashPassword = () => null;\n',
    });
    expect(errors).toBe(0);
  });

  it('fails on the cycles that were pending while fix/usecases removed them (activation and templates)', async () => {
    const { errors, report } = await check({
      'electron/core/activation/account-mails.ts': "import { render } from '../templates/render-mail';\nexport const mail = () => render();\n",
      'electron/core/templates/render-mail.ts': "import type { mail } from '../activation/account-mails';\nexport const render = (): typeof mail | null => null;\n",
    });
    expect(errors).toBeGreaterThan(0);
    expect(report).toContain('no-core-folder-cycle: electron/core/activation');
  });

  it('fails when the core imports the CLI, a server, the shell or the renderer', async () => {
    const { errors, report } = await check({
      'electron/core/outbox/outbox-worker.ts': "import { run } from '../../cli/command';\nimport { serve } from '../../server/browser-server';\nexport const work = () => [run, serve];\n",
      'electron/cli/command.ts': 'export const run = () => null;\n',
      'electron/server/browser-server.ts': 'export const serve = () => null;\n',
    });
    expect(errors).toBe(2);
    expect(report).toContain('core-stays-plain-node: electron/core/outbox/outbox-worker.ts → electron/cli/command.ts');
    expect(report).toContain('core-stays-plain-node: electron/core/outbox/outbox-worker.ts → electron/server/browser-server.ts');
  });
});
