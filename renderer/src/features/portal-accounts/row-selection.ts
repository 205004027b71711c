/**
 * Selection in a long list, as in a file manager: click selects one row, Ctrl/Cmd+click
 * toggles a row, Shift+click selects the range from the anchor. Rows are addressed by
 * index; `idAt` gives the id of a loaded row (rows not loaded yet cannot be selected).
 */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Where a Shift range starts: the last row clicked without Shift. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

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
    const ids = modifiers.toggle ? new Set([...selection.ids, ...extended]) : new Set(extended);
    return { ids, anchor: selection.anchor };
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: index };
  }
  return { ids: new Set([id]), anchor: index };
}

/** Space on the focused row: toggles it without touching the others. */
export function toggleRow(selection: Selection, index: number, idAt: (index: number) => number | undefined): Selection {
  return selectRow(selection, index, idAt, { toggle: true });
}

/** Ctrl+A: every loaded row. */
export function selectAll(count: number, idAt: (index: number) => number | undefined): Selection {
  return { ids: new Set(range(0, Math.max(0, count - 1), idAt)), anchor: 0 };
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
