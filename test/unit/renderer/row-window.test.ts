import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, revealRow, rowWindow, scrollHeightOf, toScroll, toVirtual, type RowGeometry } from '../../../renderer/src/features/portal-accounts/row-window';
import { formatFor } from '../../../renderer/src/i18n/format';

const ROW = 56;
const geometry = (total: number, viewport = 600): RowGeometry => ({ total, rowHeight: ROW, viewport });
/** Where row `index` is drawn, in scroll-content pixels, for a window. */
const drawnTop = (w: ReturnType<typeof rowWindow>, index: number) => w.padTop + (index - w.first) * ROW;

describe('the rows in view of a long list', () => {
  it('lays out up to the browser limit at natural size, and keeps a million rows within it', () => {
    expect(scrollHeightOf(geometry(100_000))).toBe(100_000 * ROW);
    expect(toVirtual(geometry(100_000), 12_345)).toBe(12_345);
    // 56 million px would be beyond what Chromium can scroll (about 33.5 million).
    expect(scrollHeightOf(geometry(1_000_000))).toBe(MAX_SCROLL_HEIGHT);
  });

  it('reaches the last of a million rows at the bottom of the scroll bar, drawn flush with the bottom', () => {
    const g = geometry(1_000_000);
    const bottom = scrollHeightOf(g) - g.viewport;
    const virtual = toVirtual(g, bottom);
    const w = rowWindow(g, bottom, virtual, 4);
    expect(w.last).toBe(999_999);
    expect(drawnTop(w, 999_999) + ROW).toBeCloseTo(bottom + g.viewport, 6);
    expect(w.padTop + (w.last - w.first + 1) * ROW + w.padBottom).toBeCloseTo(scrollHeightOf(g), 6);
  });

  it('draws every row seen in the viewport, where it is seen, for any size and scroll position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 100, max: 1200 }), fc.boolean(), (total, at, viewport, nearTop) => {
        const g = geometry(total, viewport);
        // Half the cases in the first few thousand pixels, where a scaled list is easiest to get wrong.
        const scrollTop = at * Math.min(nearTop ? 3_000 : Infinity, Math.max(0, scrollHeightOf(g) - viewport));
        const virtual = toVirtual(g, scrollTop);
        const w = rowWindow(g, scrollTop, virtual, 2);
        const firstSeen = Math.floor(virtual / ROW);
        const lastSeen = Math.min(total - 1, Math.ceil((virtual + viewport) / ROW) - 1);
        expect(w.first).toBeLessThanOrEqual(firstSeen);
        expect(w.last).toBeGreaterThanOrEqual(lastSeen);
        // The first row seen is drawn at the top of the viewport, offset by how much of it is scrolled away.
        expect(Math.abs(drawnTop(w, firstSeen) - scrollTop - (firstSeen * ROW - virtual))).toBeLessThan(0.01);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reveals a row fully, moving as little as needed, and the scroll position maps back to the same place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 3_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (total, from, to) => {
        const g = geometry(total);
        const current = from * Math.max(0, total * ROW - g.viewport);
        const index = Math.floor(to * (total - 1));
        const next = revealRow(g, current, index);
        expect(index * ROW).toBeGreaterThanOrEqual(next - 1e-6);
        expect(index * ROW + ROW).toBeLessThanOrEqual(next + g.viewport + 1e-6);
        expect(Math.abs(toVirtual(g, toScroll(g, next)) - next)).toBeLessThan(0.01);
      }),
    );
  });
});

describe('formatting', () => {
  it('builds one set of Intl formatters per language and hands out the same one every time', () => {
    expect(formatFor('nl')).toBe(formatFor('nl'));
    expect(formatFor('nl')).not.toBe(formatFor('de'));
    expect(formatFor('nl').number(100039)).toBe('100.039');
  });
});
