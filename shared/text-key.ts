/** Letters that NFKD does not split into a base letter and a mark. */
const FOLDED: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The key under which names match as people expect: any case, accents ignored
 * ("Müller" = "MULLER", "Søren" = "soren", "Straße" = "strasse"). NFKD splits
 * accented letters into letter + mark; the marks go; what NFKD keeps whole is folded
 * by hand.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłæœßđðþı]/g, (c) => FOLDED[c] ?? c)
    .trim();
}
