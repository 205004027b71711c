import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { revealRow, rowWindow, rowsInView, toScroll, toVirtual, type RowGeometry, type RowWindow } from './row-window';

/** What the list is drawn for before it can be measured (and in test DOMs without layout). */
const FALLBACK_VIEWPORT = 540;

interface Position {
  scrollTop: number;
  virtual: number;
}

export interface RowWindowApi extends RowWindow {
  /** Rows PageUp/PageDown move by. */
  pageRows: number;
  /** Scrolls as little as needed to show row `index` whole, below the sticky header. */
  reveal: (index: number) => void;
  /** Back to the first row (a new filter is a new list). */
  toTop: () => void;
}

/**
 * The rows of a list of equal-height rows that are in view in `scrollRef`, kept up to
 * date on scroll and resize. The scroll handler only stores a position: rows are
 * memoised, so a scroll step re-renders the few rows that came into view.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  headerRef: RefObject<HTMLElement | null>,
  total: number,
  rowHeight: number,
  overscan: number,
): RowWindowApi {
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [position, setPosition] = useState<Position>({ scrollTop: 0, virtual: 0 });
  const geometry: RowGeometry = { total, rowHeight, viewport };
  const geometryRef = useRef(geometry);
  geometryRef.current = geometry;
  /** A position set by reveal(): its exact virtual offset survives the browser rounding scrollTop. */
  const pinned = useRef<Position | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => {
      const height = element.clientHeight - (headerRef.current?.getBoundingClientRect().height ?? 0);
      if (height > 0) setViewport(height);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, headerRef]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => {
      const scrollTop = element.scrollTop;
      const pin = pinned.current;
      const virtual = pin && Math.abs(pin.scrollTop - scrollTop) < 1.5 ? pin.virtual : toVirtual(geometryRef.current, scrollTop);
      if (!pin || virtual !== pin.virtual) pinned.current = null;
      setPosition((current) => (current.scrollTop === scrollTop && current.virtual === virtual ? current : { scrollTop, virtual }));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scrollRef]);

  const scrollTo = useCallback(
    (virtual: number) => {
      const element = scrollRef.current;
      if (!element) return;
      element.scrollTop = toScroll(geometryRef.current, virtual);
      const next = { scrollTop: element.scrollTop, virtual };
      pinned.current = next;
      setPosition(next);
    },
    [scrollRef],
  );

  const reveal = useCallback(
    (index: number) => {
      const current = pinned.current?.virtual ?? toVirtual(geometryRef.current, scrollRef.current?.scrollTop ?? 0);
      const next = revealRow(geometryRef.current, current, index);
      if (next !== current || pinned.current === null) scrollTo(next);
    },
    [scrollRef, scrollTo],
  );

  const toTop = useCallback(() => scrollTo(0), [scrollTo]);
  const virtual = Math.min(position.virtual, Math.max(0, total * rowHeight - viewport));
  return { ...rowWindow(geometry, position.scrollTop, virtual, overscan), pageRows: rowsInView(geometry), reveal, toTop };
}
