import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax); 2 = Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;

/** argon2id's cost: memory in KiB, iterations, lanes. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * The whole password is hashed: nothing is truncated.
 */
export const PASSWORD_HASH_COST: Readonly<PasswordHashCost> = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

let cost: Readonly<PasswordHashCost> = PASSWORD_HASH_COST;

/**
 * Tests only: hash at a lower cost (hundreds of tests create and sign in users), or back at
 * PASSWORD_HASH_COST with null. A stored hash names its own cost, so verifying is unaffected.
 * Refused outside Vitest, so no production process can weaken its hashes through it.
 */
export function setPasswordHashCostForTests(next: PasswordHashCost | null): void {
  if (process.env.VITEST !== 'true') throw new Error('The password hash cost can only be changed in tests.');
  cost = next ? Object.freeze({ ...next }) : PASSWORD_HASH_COST;
}

/** The cost new hashes are made with. */
export const passwordHashCost = (): Readonly<PasswordHashCost> => cost;

/**
 * Passwords are hashed in NFKC form (NIST 800-63B), as the policy measures them: "é"
 * typed as one character on one keyboard and as "e" + accent on another is one password.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), { algorithm: ARGON2ID, ...cost });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    const normalised = password.normalize('NFKC');
    if (await verify(passwordHash, normalised)) return true;
    // Hashes written before normalisation was introduced were of the password as typed.
    return normalised !== password && (await verify(passwordHash, password));
  } catch {
    return false;
  }
}

let dummy: { cost: Readonly<PasswordHashCost>; hash: Promise<string> } | undefined;
/** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  if (dummy?.cost !== cost) dummy = { cost, hash: hashPassword('portier-dummy-password-for-timing') };
  await verifyPassword(await dummy.hash, password);
  return false;
}
