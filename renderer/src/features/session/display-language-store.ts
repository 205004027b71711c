import { create } from 'zustand';
import type { UiLanguage } from '../../../../shared/api/common';

interface DisplayLanguageState {
  /** Picked on the sign-in/setup screen; only changes what those screens show, never a setting. */
  override: UiLanguage | null;
  setOverride: (language: UiLanguage | null) => void;
}

export const useDisplayLanguage = create<DisplayLanguageState>((set) => ({
  override: null,
  setOverride: (override) => set({ override }),
}));
