import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/core/auth/password-hash';
import { DEFAULT_PASSWORD_POLICY, NIST_PASSWORD_POLICY, PasswordPolicy } from '../../shared/api/password-policy';
import { isCommonPassword } from '../../shared/common-passwords';
import { COMMON_PASSWORDS_SOURCE } from '../../shared/common-passwords-data';
import { evaluatePassword, passwordLength, type PasswordContext, type PasswordProblem } from '../../shared/password-policy';

const codes = (problems: PasswordProblem[]) => problems.map((p) => p.code);
const DEFAULT = DEFAULT_PASSWORD_POLICY;
const NIST = NIST_PASSWORD_POLICY;
/** Only the rule under test: no composition, no blocklists. */
const LENGTH_ONLY: PasswordPolicy = { ...NIST, minLength: 8, blockCommon: false, blockContext: false };

describe('password length: code points after NFKC', () => {
  it.each([
    ['plain ASCII', 'abcdefgh', 8],
    ['é precomposed', 'caf\u00e9', 4],
    ['e + combining acute composes to one', 'cafe\u0301', 4],
    ['emoji outside the BMP (two UTF-16 units) counts once', '\u{1F600}', 1],
    ['CJK', '\u5bc6\u7801\u5b89\u5168', 4],
    ['full-width letters fold to ASCII', '\uff21\uff22', 2],
    ['ligature ﬁ expands under NFKC', '\ufb01', 2],
    ['empty', '', 0],
  ])('%s', (_name, password, expected) => {
    expect(passwordLength(password)).toBe(expected);
  });

  it.each([
    ['7 ASCII: too short', 'abcdefg', ['too_short']],
    ['8 ASCII: ok', 'abcdefgh', []],
    ['7 letters written with a combining accent (8 code points raw): still too short', 'abcdef\u0065\u0301', ['too_short']],
    ['8 letters with a precomposed é: ok', 'abcdefg\u00e9', []],
    ['7 emoji (14 UTF-16 units): too short', '\u{1F600}'.repeat(7), ['too_short']],
    ['8 emoji: ok', '\u{1F600}'.repeat(8), []],
    ['7 CJK: too short', '\u5bc6'.repeat(7), ['too_short']],
    ['8 CJK: ok', '\u5bc6'.repeat(8), []],
  ])('minimum 8: %s', (_name, password, expected) => {
    expect(codes(evaluatePassword(password, LENGTH_ONLY))).toEqual(expected);
  });

  it.each([
    ['default', DEFAULT],
    ['NIST', NIST],
  ] as const)('%s policy: boundaries at minLength and maxLength', (_name, policy) => {
    const at = (n: number) => evaluatePassword('Zq7'.padEnd(n, 'x').slice(0, n), { ...policy, blockCommon: false, blockContext: false });
    expect(codes(at(policy.minLength - 1))).toContain('too_short');
    expect(codes(at(policy.minLength))).not.toContain('too_short');
    expect(codes(at(policy.maxLength))).toEqual([]);
    expect(at(policy.maxLength + 1)).toContainEqual({ code: 'too_long', max: policy.maxLength });
  });

  it('accepts 64 and 128 characters under both presets, and refuses 129 with too_long', () => {
    for (const policy of [DEFAULT, NIST]) {
      expect(policy.maxLength).toBeGreaterThanOrEqual(64);
      for (const n of [64, 100, 128]) expect(evaluatePassword(`Zq7${'x'.repeat(n - 3)}`, policy)).toEqual([]);
      expect(codes(evaluatePassword(`Zq7${'x'.repeat(126)}`, policy))).toEqual(['too_long']);
    }
  });

  it('counts a long emoji password in code points, not UTF-16 units', () => {
    // 128 emoji are 256 UTF-16 units: still within maxLength 128.
    expect(codes(evaluatePassword('\u{1F600}'.repeat(128), NIST))).toEqual([]);
    expect(codes(evaluatePassword('\u{1F600}'.repeat(129), NIST))).toEqual(['too_long']);
  });

  it('never truncates: two 100-character passwords that differ only at the end hash differently', async () => {
    const first = `Zq7${'x'.repeat(96)}a`;
    const second = `Zq7${'x'.repeat(96)}b`;
    expect(first).toHaveLength(100);
    expect(evaluatePassword(first, DEFAULT)).toEqual([]);
    expect(evaluatePassword(second, DEFAULT)).toEqual([]);
    const hash = await hashPassword(first);
    expect(await verifyPassword(hash, first)).toBe(true);
    expect(await verifyPassword(hash, second)).toBe(false);
  });
});

describe('composition rules with non-ASCII characters', () => {
  const ALL: PasswordPolicy = { ...LENGTH_ONLY, minLength: 6, requireUpper: true, requireLower: true, requireDigit: true, requireSymbol: true };
  it.each([
    ['ASCII all four', 'Abcd1!', []],
    ['Ä counts as upper case', '\u00c4bcd1!', []],
    ['Ω counts as upper case', '\u03a9bcd1!', []],
    ['ß counts as lower case (and not upper)', 'SSSS\u00df1!', []],
    ['only ß: no upper', '\u00df\u00df\u00df\u00df1!', ['needs_upper']],
    ['Arabic-Indic digit ٣ counts as a digit', 'Abcd\u0663!', []],
    ['Devanagari digit ४ counts as a digit', 'Abcd\u096a!', []],
    ['full-width digit ７ counts as a digit', 'Abcd\uff17!', []],
    ['superscript ² is a 2 after NFKC', 'Abcd\u00b2!', []],
    ['a combining accent is part of its letter, not a symbol', 'Abcde\u03011', ['needs_symbol']],
    ['a space is a symbol', 'Abcd1 x', []],
    ['an emoji is a symbol', 'Abcd1\u{1F600}', []],
    ['CJK is a letter, neither upper nor lower', '\u5bc6\u7801\u5b89\u51681!', ['needs_upper', 'needs_lower']],
    ['nothing but letters', 'abcdefgh', ['needs_upper', 'needs_digit', 'needs_symbol']],
  ])('%s', (_name, password, expected) => {
    expect(codes(evaluatePassword(password, ALL))).toEqual(expected);
  });

  it.each([
    ['Welkomst9', DEFAULT, []],
    ['welkomst9', DEFAULT, ['needs_upper']],
    ['Welkomstx', DEFAULT, ['needs_digit']],
    ['\u00c4rger\u00fcber\u0663\u0661', DEFAULT, []],
    ['a long lower-case phrase', NIST, []],
    ['a short phrase', NIST, ['too_short']],
  ] as const)('%s (case %#)', (password, policy, expected) => {
    expect(codes(evaluatePassword(password, policy))).toEqual(expected);
  });
});

describe('common passwords', () => {
  it('bundles about 10,000 entries and says where they come from', () => {
    expect(COMMON_PASSWORDS_SOURCE.count).toBeGreaterThanOrEqual(10_000);
    expect(COMMON_PASSWORDS_SOURCE.license).toBe('MIT');
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('welkom01')).toBe(true);
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
    expect(isCommonPassword('')).toBe(false);
  });

  it.each(['Password1', 'PASSWORD1', 'pAsSwOrD1', 'Qwerty123', 'Sunshine1', 'Iloveyou1', 'Welkom01', 'P@ssw0rd'])(
    '%s is refused under the default policy, whatever its case',
    (password) => {
      expect(codes(evaluatePassword(password, DEFAULT))).toEqual(['common']);
    },
  );

  it('folds full-width characters before looking up (Ｐａｓｓｗｏｒｄ１)', () => {
    expect(codes(evaluatePassword('\uff30\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff11', DEFAULT))).toEqual(['common']);
  });

  it('only refuses the whole password, not a longer one containing a common word', () => {
    expect(evaluatePassword('Password1 is what my bank wanted', DEFAULT)).toEqual([]);
  });

  it('can be switched off', () => {
    expect(evaluatePassword('Password1', { ...DEFAULT, blockCommon: false })).toEqual([]);
  });
});

describe('context words', () => {
  const context: PasswordContext = {
    username: 'jan.de-vries+portal@example.com',
    organisationNames: ['Acme Holding B.V.', 'Bäckerei Müller & Söhne', null, 'Q'],
  };
  const check = (password: string) => codes(evaluatePassword(password, { ...LENGTH_ONLY, blockContext: true }, context));

  it.each([
    ['the whole username', 'x-jan.de-vries+portal@example.com'],
    ['the email local part', 'my jan.de-vries+portal secret'],
    ['a part of the local part (vries)', 'Vries!2024extra'],
    ['another part (portal)', 'PORTALlogin99'],
    ['the organisation name', 'acme holding b.v. rules'],
    ['a word of the organisation name, case-insensitively', 'HOLDING-2025-x'],
    ['an umlaut word of the organisation name', 'M\u00fcller123456'],
    ['an umlaut word typed decomposed', 'Mu\u0308ller123456'],
    ['an ASCII spelling of a 4+ letter word', 'Acme2025!!'],
  ])('refuses %s', (_name, password) => {
    expect(check(password)).toEqual(['contains_context']);
  });

  it.each([
    ['"jan" and "de" are shorter than 4 characters', 'jan de man 2025'],
    ['"B.V." splits into short parts', 'bv bv bv bv bv'],
    ['"Q" is too short', 'qqqqqqqqqq'],
    ['the domain is not a context word', 'example of a long one'],
    ['nothing in common', 'correct horse battery staple'],
  ])('allows a password when %s', (_name, password) => {
    expect(check(password)).toEqual([]);
  });

  it('counts context words in code points: two astral characters are too short to ban', () => {
    const astral: PasswordContext = { organisationNames: ['\u{20000}\u{20001}'] };
    expect(codes(evaluatePassword('xx\u{20000}\u{20001}xxxxx', LENGTH_ONLY, astral))).toEqual([]);
    expect(codes(evaluatePassword('xx\u{20000}\u{20001}\u{20002}\u{20003}xxxx', { ...LENGTH_ONLY, blockContext: true }, { organisationNames: ['\u{20000}\u{20001}\u{20002}\u{20003}'] }))).toEqual(['contains_context']);
  });

  it('applies under both presets and can be switched off', () => {
    expect(codes(evaluatePassword('Acme2025!!', DEFAULT, context))).toEqual(['contains_context']);
    expect(codes(evaluatePassword('acme is where i work now', NIST, context))).toEqual(['contains_context']);
    expect(evaluatePassword('Acme2025!!', { ...DEFAULT, blockContext: false }, context)).toEqual([]);
  });

  it('has nothing to refuse without a context', () => {
    expect(evaluatePassword('Acme2025!!', DEFAULT)).toEqual([]);
    expect(evaluatePassword('Acme2025!!', DEFAULT, { username: null, organisationNames: [] })).toEqual([]);
  });
});

describe('the presets', () => {
  it('are valid policies', () => {
    expect(PasswordPolicy.parse(DEFAULT)).toEqual(DEFAULT);
    expect(PasswordPolicy.parse(NIST)).toEqual(NIST);
  });

  it('report every broken rule at once', () => {
    expect(evaluatePassword('abc', DEFAULT)).toEqual([{ code: 'too_short', min: 8 }, { code: 'needs_upper' }, { code: 'needs_digit' }]);
    expect(evaluatePassword('password', NIST)).toEqual([{ code: 'too_short', min: 15 }, { code: 'common' }]);
  });
});
