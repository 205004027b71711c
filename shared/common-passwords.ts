/**
 * The bundled blocklist of common passwords (lower-cased). Kept small here on
 * purpose; see COMMON_PASSWORDS for the source and size.
 */
const COMMON_PASSWORDS = new Set<string>([
  '123456', '123456789', '12345678', 'password', 'password1', 'password123', 'qwerty', 'qwerty123', '1q2w3e4r',
  '111111', '123123', 'abc123', 'iloveyou', 'welcome', 'welcome1', 'welkom', 'welkom01', 'welkom123', 'admin',
  'admin123', 'letmein', 'monkey', 'dragon', 'football', 'sunshine', 'princess', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'qwertz', 'hallo123', 'wachtwoord', 'wachtwoord1', 'passwort', 'passwort1', 'zomer2024', 'summer2024', 'winter2024',
  'changeme', 'secret', 'trustno1', 'master', 'hello123', 'azerty', '000000', '654321', 'superman', 'batman',
]);

/** True when the (already lower-cased) password is on the list. */
export function isCommonPassword(lowerCased: string): boolean {
  return COMMON_PASSWORDS.has(lowerCased);
}
