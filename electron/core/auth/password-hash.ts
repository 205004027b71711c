import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax); 2 = Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * The whole password is hashed: nothing is truncated.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Passwords are hashed in NFKC form (NIST 800-63B), as the policy measures them: "é"
 * typed as one character on one keyboard and as "e" + accent on another is one password.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
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

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('portier-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
