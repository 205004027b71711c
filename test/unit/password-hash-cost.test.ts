import { afterEach, expect, it, vi } from 'vitest';
import { hashPassword, PASSWORD_HASH_COST, passwordHashCost, setPasswordHashCostForTests, verifyPassword } from '../../electron/core/auth/password-hash';
import { TEST_PASSWORD_HASH_COST } from '../support/vitest-setup';

afterEach(() => {
  vi.unstubAllEnvs();
  setPasswordHashCostForTests(TEST_PASSWORD_HASH_COST);
});

it('hashes at OWASP’s argon2id minimum in production: 19 MiB, 2 passes, 1 lane', async () => {
  expect(PASSWORD_HASH_COST).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  setPasswordHashCostForTests(null);
  expect(passwordHashCost()).toBe(PASSWORD_HASH_COST);
  const stored = await hashPassword('Lantern-Orbit-42');
  expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(stored, 'Lantern-Orbit-42')).toBe(true);
});

it('hashes at the cheap test cost in tests, and still verifies a production-cost hash', async () => {
  expect(passwordHashCost()).toEqual(TEST_PASSWORD_HASH_COST);
  expect(await hashPassword('Lantern-Orbit-42')).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
  setPasswordHashCostForTests(null);
  const strong = await hashPassword('Lantern-Orbit-42');
  setPasswordHashCostForTests(TEST_PASSWORD_HASH_COST);
  expect(await verifyPassword(strong, 'Lantern-Orbit-42')).toBe(true);
  expect(await verifyPassword(strong, 'Lantern-Orbit-43')).toBe(false);
});

it('refuses to change the cost outside Vitest, so no production process can weaken its hashes', () => {
  vi.stubEnv('VITEST', '');
  expect(() => setPasswordHashCostForTests(TEST_PASSWORD_HASH_COST)).toThrow(/only be changed in tests/);
  expect(() => setPasswordHashCostForTests(null)).toThrow(/only be changed in tests/);
});
