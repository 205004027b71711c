/**
 * Selection in a long list, as in a file manager: click selects one row, Ctrl/Cmd+click
 * toggles a row, Shift+click selects the range from the anchor. Rows are addressed by
 * index; `idAt` gives the id of a loaded row (rows not loaded yet cannot be picked one by
 * one). Ctrl+A over a list not all loaded selects every row of the list by its filter
 * instead: `every`, with the rows then unticked one by one as exceptions.
 */
export interface Selection {
  /** The rows picked one by one (while `every` is null). */
  ids: ReadonlySet<number>;
  /** Where a Shift range starts: the last row clicked without Shift. */
  anchor: number | null;
  /** Every row of the list, loaded or not, but `except`. */
  every: { except: ReadonlySet<number> } | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, every: null };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.every ? !selection.every.except.has(id) : selection.ids.has(id);
}

/** How many rows are selected in a list of `total`. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.every ? Math.max(0, total - selection.every.except.size) : selection.ids.size;
}

export interface Modifiers {
  shift?: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  toggle?: boolean;
}

function range(from: number, to: number, idAt: (index: number) => number | undefined): number[] {
  const ids: number[] = [];
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const id = idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

export function selectRow(selection: Selection, index: number, idAt: (index: number) => number | undefined, modifiers: Modifiers = {}): Selection {
  const id = idAt(index);
  if (id === undefined) return selection;
  if (modifiers.shift && selection.anchor !== null) {
    const extended = range(selection.anchor, index, idAt);
    // Shift+Ctrl adds the range to what was selected; Shift alone replaces it.
    if (!modifiers.toggle) return { ids: new Set(extended), anchor: selection.anchor, every: null };
    if (selection.every) return { ...selection, every: { except: new Set([...selection.every.except].filter((x) => !extended.includes(x))) } };
    return { ids: new Set([...selection.ids, ...extended]), anchor: selection.anchor, every: null };
  }
  if (modifiers.toggle) {
    const flip = (set: ReadonlySet<number>) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    };
    // Over the whole list, unticking a row makes it an exception (and ticking it again takes that back).
    if (selection.every) return { ids: selection.ids, anchor: index, every: { except: flip(selection.every.except) } };
    return { ids: flip(selection.ids), anchor: index, every: null };
  }
  return { ids: new Set([id]), anchor: index, every: null };
}

/** Space on the focused row: toggles it without touching the others. */
export function toggleRow(selection: Selection, index: number, idAt: (index: number) => number | undefined): Selection {
  return selectRow(selection, index, idAt, { toggle: true });
}

/** Ctrl+A on a list that is all loaded: every row, by id. */
export function selectAll(count: number, idAt: (index: number) => number | undefined): Selection {
  return { ids: new Set(range(0, Math.max(0, count - 1), idAt)), anchor: 0, every: null };
}

/** Ctrl+A on a list not all loaded: every row of the list, by its filter. */
export function selectEvery(): Selection {
  return { ids: new Set(), anchor: 0, every: { except: new Set() } };
}

/** The keys that move the focused row, and where they move it. */
export function moveFocus(key: string, focus: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, focus + 1);
    case 'ArrowUp':
      return Math.max(0, focus - 1);
    case 'PageDown':
      return Math.min(last, focus + pageRows);
    case 'PageUp':
      return Math.max(0, focus - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
