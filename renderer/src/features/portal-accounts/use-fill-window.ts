import { useLayoutEffect, type RefObject } from 'react';

/** Never shorter than this (px): on a low window the page scrolls instead. */
const MIN_HEIGHT = 320;

/**
 * Makes the scrolling list `ref` reach down to the window's bottom edge, less `belowPx` for
 * what follows it (the keyboard hint), on every size of window: a fixed share of the window
 * left a fifth of a 1080 px screen empty and ran past the bottom of a 768 px one. Measured
 * after each render (the filters above may wrap onto a second line) and on resize.
 */
export function useFillWindow(ref: RefObject<HTMLElement | null>, belowPx: number): void {
  useLayoutEffect(() => {
    const fit = () => {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      const height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - belowPx))}px`;
      if (element.style.height !== height) element.style.height = height;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
}
