import { generateSecret, generateURI, verify } from 'otplib';

/**
 * Time-based codes (RFC 6238) through otplib: SHA-1, six digits, 30-second steps, as every
 * authenticator app expects. A code of the step before or after the current one is accepted
 * too (a phone's clock drifts, typing takes time); replays are refused by the caller, which
 * keeps the last step used (claimTotpStep).
 */
const TOLERANCE_SECONDS = 30;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), Base32 for the apps. */
export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// address an app reads from the QR code: the company as issuer, the username as label. */
export const totpUri = (issuer: string, username: string, secret: string): string => generateURI({ issuer, label: username, secret });

/** The time step the code belongs to, or null when it is not the code of any step around now after `afterStep`. */
export async function totpStepOf(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib refuses an afterTimeStep beyond the window (a clock set back): no code matches then.
    return null;
  }
}
