/*
 * Which parts of a search term the pg_trgm index should be asked for (postgres-account-search.ts).
 * The GIN index answers LIKE '%term%' by reading the posting list of every trigram of the term,
 * and a long term is made mostly of trigrams every document holds ("exa", "org", "ple" of
 * "@org9758.example"): one username of 1M accounts read 3,000 index pages (60 ms) to find one
 * row. Every part of the term is a necessary condition too, so the index is asked for the parts
 * without common trigrams (short posting lists; their rare trigrams narrow the rows as much as
 * the whole term's), and each row it gives is then tested for the whole term. How common a
 * trigram is comes from the database's statistics of the documents' trigrams (migration 0036).
 */

/** pg_trgm's word characters: letters and digits; the rest separates words. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The trigrams pg_trgm takes from LIKE '%part%' (each once): per word, padded with two blanks
 * before and one after where the word begins or ends inside the part, not where the part cuts it
 * (the wildcard stands there). A word too short for a trigram gives none.
 */
export function likeTrigrams(part: string): string[] {
  const chars = [...part];
  const trigrams = new Set<string>();
  let start = 0;
  while (start < chars.length) {
    if (!WORD_CHARACTER.test(chars[start] ?? '')) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < chars.length && WORD_CHARACTER.test(chars[end] ?? '')) end += 1;
    const padded = [...(start > 0 ? [' ', ' '] : []), ...chars.slice(start, end), ...(end < chars.length ? [' '] : [])];
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3).join(''));
    start = end;
  }
  return [...trigrams];
}

/** A trigram in more than this share of the documents is left to the row test, if the term has rarer ones. */
const COMMON_SHARE = 0.2;

/** Parts are at most this long (a long term stays cheap to plan: the search text has up to 200 characters). */
const LONGEST_PART = 32;

/** At most this many parts are asked for: the rarest trigrams are in them. */
const MOST_PARTS = 4;

/**
 * The parts of `key` (a search key) to ask the index for, each as LIKE '%part%': the longest parts
 * whose trigrams are none of them common, so the index reads only short posting lists, and
 * together they still narrow the rows to about the term's own (its rare trigrams are all
 * there). `[key]` itself when leaving the common trigrams out would not at least halve the
 * posting entries read, or when the term has no trigram that is not common. `frequency` gives
 * a trigram's share of the documents.
 */
export function indexParts(key: string, frequency: (trigram: string) => number): string[] {
  const all = likeTrigrams(key);
  const kept = new Set(all.filter((trigram) => frequency(trigram) <= COMMON_SHARE));
  const entries = (trigrams: Iterable<string>) => [...trigrams].reduce((sum, trigram) => sum + frequency(trigram), 0);
  if (kept.size === 0 || entries(kept) > entries(all) / 2) return [key];
  const chars = [...key];
  const parts: { part: string; trigrams: string[] }[] = [];
  for (let start = 0; start < chars.length; start++) {
    let longest: { part: string; trigrams: string[] } | null = null;
    for (let end = start + 3; end <= Math.min(chars.length, start + LONGEST_PART); end++) {
      const part = chars.slice(start, end).join('');
      const trigrams = likeTrigrams(part);
      if (trigrams.some((trigram) => !kept.has(trigram))) break;
      if (trigrams.length > 0) longest = { part, trigrams };
    }
    // Only parts no longer part found already holds.
    if (longest && !parts.some((found) => found.part.includes(longest.part))) parts.push(longest);
  }
  const rarest = (trigrams: string[]) => Math.min(...trigrams.map(frequency));
  return parts
    .sort((a, b) => rarest(a.trigrams) - rarest(b.trigrams))
    .slice(0, MOST_PARTS)
    .map((found) => found.part);
}
