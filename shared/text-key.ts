/**
 * The one text normaliser for searching and matching names: case and accents folded for all
 * of Unicode, so "Ørsted", "ORSTED" and "orsted" are one key. SQLite's lower(), LIKE and
 * NOCASE fold ASCII only; the core stores these keys next to the text and compares keys.
 *
 * It agrees with what Intl.Collator with sensitivity "base" calls equal for European names
 * (test/unit/text-key.test.ts): NFKD with the combining marks dropped folds é, ș, ț, å, ﬁ...;
 * the letters below have no decomposition and are folded by hand. One deliberate extra:
 * Turkish dotless ı folds to i, as people type it.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'ss',
  // Typographic apostrophes are the same key as the one on the keyboard (the collator agrees).
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
};
const FOLDED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** The search/match key of `text`: lower case, no accents, whitespace runs as one space, trimmed. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDED, (c) => LETTERS[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}
