import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { EMPTY_SELECTION, isSelected, moveFocus, selectAll, selectEvery, selectRow, selectedCount, toggleRow, type Selection } from './row-selection';

interface GridSelectionOptions<R extends { id: number }> {
  /** Rows in the list, loaded or not. */
  total: number;
  /** The row at a position, if its page is loaded. */
  rowAt: (index: number) => R | undefined;
  /** Every row loaded now: where the rows of a selection are found. */
  loadedRows: () => Iterable<R>;
  /** A new value is a new list: selection and focus start over. */
  listKey: string;
  /** How far PageUp and PageDown move. */
  pageRows: number;
  /** Scrolls a row into view. */
  reveal: (index: number) => void;
  /** Ctrl+A chose every row of a list not all loaded (its count may be worth making exact). */
  onSelectEvery?: () => void;
  /** No page of the list is being fetched: the loaded rows are one answer, not old pages beside new ones. */
  settled: boolean;
}

/** What an action on a row is for: the selected rows, or every row of the list but some. */
export type Picked<R> = { kind: 'rows'; rows: R[] } | { kind: 'every'; exceptIds: number[]; count: number };

/**
 * Selection and focus of a virtualised grid, as in a file manager: click, Ctrl/Cmd+click,
 * Shift+click, the arrow and page keys (Shift extends), Space, Ctrl+A and Escape. The focus
 * is a row position (the grid uses aria-activedescendant), the selection row ids.
 */
export function useGridSelection<R extends { id: number }>({ total, rowAt, loadedRows, listKey, pageRows, reveal, onSelectEvery, settled }: GridSelectionOptions<R>) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [focus, setFocus] = useState(0);
  const [shownKey, setShownKey] = useState(listKey);
  if (listKey !== shownKey) {
    setShownKey(listKey);
    setSelection(EMPTY_SELECTION);
    setFocus(0);
  }
  const idAt = (index: number) => rowAt(index)?.id;
  const focusIndex = Math.min(focus, Math.max(0, total - 1));
  // Rows picked one by one that have left a list now all loaded (an action changed which rows
  // the filter shows) are no longer selected: "N selected" counts rows the list shows. Only once
  // every page has answered: a row moving from a refetched page to one not yet refetched is still there.
  const kept = settled ? keptInList(selection, loadedRows(), total) : selection;
  if (kept !== selection) setSelection(kept);

  const focusRow = (index: number) => {
    setFocus(index);
    reveal(index);
  };

  /** Ctrl+A: a list all loaded is selected by id; a longer one as "every row", without fetching a row. */
  const selectEveryRow = () => {
    let loaded = 0;
    for (const _row of loadedRows()) loaded++;
    if (loaded >= total) setSelection(selectAll(total, idAt));
    else {
      setSelection(selectEvery());
      onSelectEvery?.();
    }
  };

  /**
   * The rows an action at `index` is for: the selection when the row is in it, else the row
   * alone. `select`: a row outside the selection becomes the selection (a right-click does that).
   */
  const pickAt = (index: number, { select = false } = {}): Picked<R> | null => {
    const row = rowAt(index);
    if (!row) return null;
    if (!isSelected(selection, row.id)) {
      if (select) setSelection(selectRow(selection, index, idAt));
      return { kind: 'rows', rows: [row] };
    }
    if (selection.every) return { kind: 'every', exceptIds: [...selection.every.except], count: selectedCount(selection, total) };
    const rows = new Map<number, R>();
    for (const r of loadedRows()) if (selection.ids.has(r.id)) rows.set(r.id, r);
    return { kind: 'rows', rows: [...rows.values()] };
  };

  /** Handles the keys that move the focus or change the selection; true when it did. */
  const onSelectionKey = (event: KeyboardEvent): boolean => {
    const moved = moveFocus(event.key, focusIndex, total, pageRows);
    if (moved !== null) {
      focusRow(moved);
      // Shift extends the selection from the anchor; moving without Shift moves the anchor along.
      if (event.shiftKey) setSelection((s) => selectRow(s.anchor === null ? { ...s, anchor: focusIndex } : s, moved, idAt, { shift: true }));
      else setSelection((s) => ({ ...s, anchor: moved }));
    } else if (event.key === ' ') {
      setSelection((s) => toggleRow(s, focusIndex, idAt));
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      selectEveryRow();
    } else if (event.key === 'Escape') {
      setSelection(EMPTY_SELECTION);
      return true;
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const onRowClick = (event: MouseEvent, index: number) => {
    setFocus(index);
    setSelection((s) => selectRow(s, index, idAt, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }));
  };

  return {
    selection,
    focusIndex,
    setFocus,
    focusRow,
    /** How many rows are selected (every row of the list counts, loaded or not). */
    count: selectedCount(selection, total),
    isSelected: (id: number) => isSelected(selection, id),
    pickAt,
    onSelectionKey,
    onRowClick,
    clear: () => setSelection(EMPTY_SELECTION),
  };
}

/** The selection without the rows picked one by one that a list, all loaded, no longer has; the same selection when nothing left or not all is loaded. */
function keptInList<R extends { id: number }>(selection: Selection, loaded: Iterable<R>, total: number): Selection {
  if (selection.every || selection.ids.size === 0) return selection;
  const shown = new Set<number>();
  for (const row of loaded) shown.add(row.id);
  if (shown.size < total) return selection;
  const ids = [...selection.ids].filter((id) => shown.has(id));
  return ids.length === selection.ids.size ? selection : { ...selection, ids: new Set(ids) };
}
