import { describe, expect, it } from 'vitest';
import { indexParts, likeTrigrams } from '../../electron/core/db/dialect/trigram-window';

describe("the trigrams pg_trgm takes from LIKE '%part%'", () => {
  it('pads a word only where it begins or ends inside the part, not where the wildcard cuts it', () => {
    expect(likeTrigrams('smit').sort()).toEqual(['mit', 'smi']);
    expect(likeTrigrams('de boer').sort()).toEqual(['  b', ' bo', 'boe', 'de ', 'oer']);
    expect(likeTrigrams('.500').sort()).toEqual(['  5', ' 50', '500']);
  });

  it('has none for a part without three characters of a word', () => {
    expect(likeTrigrams('ab')).toEqual([]);
    expect(likeTrigrams('@.-')).toEqual([]);
  });

  it('takes letters beyond ASCII as word characters', () => {
    expect(likeTrigrams('łódź').sort()).toEqual(['łód', 'ódź'].sort());
  });
});

describe('the parts of a search term the index is asked for', () => {
  // Shares as ANALYZE gives them for generated usernames: the domain's trigrams are in every document.
  const shares: Record<string, number> = { exa: 1, xam: 1, amp: 1, mpl: 1, ple: 1, 'le ': 1, '  e': 1, ' ex': 1, '  o': 1, ' or': 1, org: 1, 'er ': 0.31, '  d': 0.14, '  5': 0.11, tim: 0.05, deb: 0.02 };
  const frequency = (trigram: string) => shares[trigram] ?? 0.003;
  const username = 'tim.deboer.500000@org9758.example';

  it('leave out the common trigrams of a whole username (its domain), and keep its rare ones', () => {
    const parts = indexParts(username, frequency);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(4);
    for (const part of parts) {
      expect(username).toContain(part);
      expect(likeTrigrams(part).every((trigram) => (shares[trigram] ?? 0) <= 0.2)).toBe(true);
    }
    const asked = new Set(parts.flatMap(likeTrigrams));
    for (const rare of ['500', '000', 'g97', '975', '758', 'deb']) expect(asked).toContain(rare);
  });

  it('are the whole term when it has no common trigram (a name, a short term)', () => {
    const names = (trigram: string) => ({ jan: 0.05, ans: 0.06, nse: 0.02, sen: 0.04 })[trigram] ?? 0.01;
    expect(indexParts('jansen', names)).toEqual(['jansen']);
    expect(indexParts('smit', frequency)).toEqual(['smit']);
  });

  it('are the whole term when every trigram is common, or when leaving some out saves little', () => {
    expect(indexParts('example', frequency)).toEqual(['example']);
    expect(indexParts('deboer.example', (trigram) => (trigram === 'exa' ? 0.25 : 0.1))).toEqual(['deboer.example']);
  });

  it('are the whole term when it has no trigram at all', () => {
    expect(indexParts('ab', frequency)).toEqual(['ab']);
    expect(indexParts('@@@@', frequency)).toEqual(['@@@@']);
  });

  it('are at most 32 characters each, for the longest search text', () => {
    const long = `${'q'.repeat(80)}.${'example.'.repeat(15)}`;
    const parts = indexParts(long, frequency);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(long).toContain(part);
      expect([...part].length).toBeLessThanOrEqual(32);
    }
  });
});
