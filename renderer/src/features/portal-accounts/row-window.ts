/**
 * Which rows of a long list of equal-height rows are in view, for a scroll position.
 *
 * Browsers cap how tall an element may be (Chromium about 33.5 million px, Firefox
 * about 17.9 million), so a million rows of 56 px cannot simply be laid out one
 * under the other: the bottom would be unreachable. Up to MAX_SCROLL_HEIGHT the rows
 * sit at their natural place; beyond it the scroll bar stands for the whole list
 * proportionally (as spreadsheets do), so the last row is still reached by the
 * scroll bar, End or a wheel.
 *
 * "Virtual" offsets are in the list's natural pixel space (row i starts at i × rowHeight);
 * "scroll" offsets are what the scroll container's scrollTop holds.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface RowGeometry {
  total: number;
  rowHeight: number;
  /** Height of the area rows are seen in (the container less its sticky header). */
  viewport: number;
}

/** Height of the rows' part of the scroll content. */
export function scrollHeightOf(g: RowGeometry): number {
  return Math.min(g.total * g.rowHeight, MAX_SCROLL_HEIGHT);
}

const natural = (g: RowGeometry) => g.total * g.rowHeight;
const maxVirtual = (g: RowGeometry) => Math.max(0, natural(g) - g.viewport);
const maxScroll = (g: RowGeometry) => Math.max(0, scrollHeightOf(g) - g.viewport);
const scaled = (g: RowGeometry) => natural(g) > MAX_SCROLL_HEIGHT;

/*
 * Scaled, the first TOP_ZONE px of the scroll bar still move the list pixel for pixel: rows
 * are drawn at scrollTop + (i × rowHeight − virtual), which must not fall above the content's
 * top for the rows near the beginning (the spacer above them cannot be negative).
 */
const TOP_ZONE = 2_000;

export function toVirtual(g: RowGeometry, scrollTop: number): number {
  const top = Math.min(Math.max(0, scrollTop), maxScroll(g));
  if (!scaled(g)) return top;
  const zone = Math.min(TOP_ZONE, maxScroll(g));
  if (top <= zone) return top;
  return zone + ((top - zone) / (maxScroll(g) - zone)) * (maxVirtual(g) - zone);
}

export function toScroll(g: RowGeometry, virtual: number): number {
  const v = Math.min(Math.max(0, virtual), maxVirtual(g));
  if (!scaled(g)) return v;
  const zone = Math.min(TOP_ZONE, maxScroll(g));
  if (v <= zone) return v;
  return zone + ((v - zone) / (maxVirtual(g) - zone)) * (maxScroll(g) - zone);
}

export interface RowWindow {
  /** First and last row index to render (overscan included); last < first when empty. */
  first: number;
  last: number;
  /** Height of the spacer above the first rendered row, in scroll space. */
  padTop: number;
  /** Height of the spacer below the last rendered row, in scroll space. */
  padBottom: number;
}

/** The rows to render for a virtual offset, and the spacers that put them where they are seen. */
export function rowWindow(g: RowGeometry, scrollTop: number, virtual: number, overscan: number): RowWindow {
  if (g.total === 0) return { first: 0, last: -1, padTop: 0, padBottom: 0 };
  const firstSeen = Math.floor(virtual / g.rowHeight);
  const lastSeen = Math.ceil((virtual + g.viewport) / g.rowHeight) - 1;
  const first = Math.max(0, firstSeen - overscan);
  const last = Math.min(g.total - 1, lastSeen + overscan);
  // Row i is drawn at scrollTop + (i × rowHeight − virtual): exactly where it is seen.
  const height = scrollHeightOf(g);
  const rendered = (last - first + 1) * g.rowHeight;
  const padTop = Math.min(Math.max(0, scrollTop + first * g.rowHeight - virtual), Math.max(0, height - rendered));
  return { first, last, padTop, padBottom: Math.max(0, height - padTop - rendered) };
}

/** The virtual offset that brings row `index` fully into view, moving as little as possible. */
export function revealRow(g: RowGeometry, virtual: number, index: number): number {
  const top = index * g.rowHeight;
  if (top < virtual) return top;
  if (top + g.rowHeight > virtual + g.viewport) return top + g.rowHeight - g.viewport;
  return virtual;
}

/** How many whole rows fit in view: what PageDown moves by. */
export function rowsInView(g: RowGeometry): number {
  return Math.max(1, Math.floor(g.viewport / g.rowHeight) - 1);
}
