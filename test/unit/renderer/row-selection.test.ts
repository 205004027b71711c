import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, isSelected, moveFocus, selectAll, selectedCount, selectEvery, selectRow, toggleRow } from '../../../renderer/src/features/portal-accounts/row-selection';

// Rows 0..9 have ids 100..109; row 5 is not loaded yet.
const idAt = (i: number) => (i >= 0 && i < 10 && i !== 5 ? 100 + i : undefined);
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);

describe('row selection', () => {
  it('selects one row on a plain click, replacing the selection', () => {
    const one = selectRow(EMPTY_SELECTION, 2, idAt);
    expect(ids(one)).toEqual([102]);
    expect(ids(selectRow(one, 3, idAt))).toEqual([103]);
  });

  it('toggles rows with Ctrl/Cmd and keeps the others', () => {
    const a = selectRow(EMPTY_SELECTION, 1, idAt);
    const b = selectRow(a, 4, idAt, { toggle: true });
    expect(ids(b)).toEqual([101, 104]);
    expect(ids(selectRow(b, 1, idAt, { toggle: true }))).toEqual([104]);
  });

  it('selects the range from the anchor with Shift, skipping rows not loaded', () => {
    const anchor = selectRow(EMPTY_SELECTION, 3, idAt);
    expect(ids(selectRow(anchor, 7, idAt, { shift: true }))).toEqual([103, 104, 106, 107]);
    // Backwards, and a second Shift+click re-cuts the range from the same anchor.
    const back = selectRow(selectRow(anchor, 7, idAt, { shift: true }), 1, idAt, { shift: true });
    expect(ids(back)).toEqual([101, 102, 103]);
  });

  it('adds a range to the selection with Shift+Ctrl', () => {
    const a = selectRow(selectRow(EMPTY_SELECTION, 0, idAt), 8, idAt, { toggle: true });
    expect(ids(selectRow(a, 9, idAt, { shift: true, toggle: true }))).toEqual([100, 108, 109]);
  });

  it('ignores clicks on rows that are not loaded, toggles with Space and selects everything loaded', () => {
    const a = selectRow(EMPTY_SELECTION, 2, idAt);
    expect(selectRow(a, 5, idAt)).toBe(a);
    expect(ids(toggleRow(a, 3, idAt))).toEqual([102, 103]);
    expect(ids(selectAll(10, idAt))).toEqual([100, 101, 102, 103, 104, 106, 107, 108, 109]);
  });

  it('selects every row of the list, loaded or not, and keeps the rows unticked with Ctrl or Space as exceptions', () => {
    const every = selectEvery();
    expect(isSelected(every, 100)).toBe(true);
    expect(isSelected(every, 999_999)).toBe(true); // a row not loaded yet
    expect(selectedCount(every, 250)).toBe(250);
    const less = toggleRow(selectRow(every, 2, idAt, { toggle: true }), 3, idAt);
    expect([isSelected(less, 102), isSelected(less, 103), isSelected(less, 104)]).toEqual([false, false, true]);
    expect(selectedCount(less, 250)).toBe(248);
    // Ticking one again takes the exception back; Shift+Ctrl takes back a range.
    expect(selectedCount(selectRow(less, 2, idAt, { toggle: true }), 250)).toBe(249);
    expect(selectedCount(selectRow({ ...less, anchor: 1 }, 4, idAt, { shift: true, toggle: true }), 250)).toBe(250);
    // A plain click or a Shift range starts a selection by id again.
    expect(selectRow(less, 7, idAt)).toEqual({ ids: new Set([107]), anchor: 7, every: null });
    expect(ids(selectRow({ ...less, anchor: 6 }, 8, idAt, { shift: true }))).toEqual([106, 107, 108]);
    expect(selectRow({ ...less, anchor: 6 }, 8, idAt, { shift: true }).every).toBeNull();
  });

  it('moves the focus with arrows, pages, Home and End, within the list', () => {
    expect(moveFocus('ArrowDown', 0, 10, 5)).toBe(1);
    expect(moveFocus('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveFocus('ArrowUp', 0, 10, 5)).toBe(0);
    expect(moveFocus('PageDown', 7, 10, 5)).toBe(9);
    expect(moveFocus('PageUp', 7, 10, 5)).toBe(2);
    expect(moveFocus('Home', 7, 10, 5)).toBe(0);
    expect(moveFocus('End', 2, 10, 5)).toBe(9);
    expect(moveFocus('x', 2, 10, 5)).toBeNull();
    expect(moveFocus('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
