import { useCallback, useEffect, useLayoutEffect, type RefObject } from 'react';

/** Never shorter than this (px): on a low window the page scrolls instead. */
const MIN_HEIGHT = 320;

/**
 * Makes the scrolling list `ref` reach down to the window's bottom edge, less `belowPx` for
 * what follows it (the keyboard hint), on every size of window: a fixed share of the window
 * left a fifth of a 1080 px screen empty and ran past the bottom of a 768 px one.
 */
export function useFillWindow(ref: RefObject<HTMLElement | null>, belowPx: number): void {
  const fit = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY;
    const height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - belowPx))}px`;
    if (element.style.height !== height) element.style.height = height;
  }, [ref, belowPx]);
  // After every render: what stands above the list (a notice, an error, the filters wrapping) may
  // have changed. One read of its position, in the layout the render needs anyway.
  useLayoutEffect(fit);
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [fit]);
}
