import { setPasswordHashCostForTests, type PasswordHashCost } from '../../electron/core/auth/password-hash';

/**
 * Hundreds of tests create staff users and sign in: at the production cost (19 MiB, 2 passes)
 * each hash takes tens of milliseconds. Tests about the cost itself switch back with
 * setPasswordHashCostForTests(null); child processes and the spawned CLI always use the production cost.
 */
export const TEST_PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 64, timeCost: 1, parallelism: 1 };

setPasswordHashCostForTests(TEST_PASSWORD_HASH_COST);
