import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase } from './template-database';

/**
 * Once per test run: a database with every migration applied, which test cores copy instead
 * of migrating a new file each (test/support/core.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-template-'));
  project.provide('templateDatabase', await createTemplateDatabase(path.join(dir, 'template.sqlite')));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
