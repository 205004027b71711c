import { create } from 'zustand';

export interface Notification {
  id: number;
  message: string;
}

interface NotificationState {
  notifications: Notification[];
  notify: (message: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;
/** Long enough to read a sentence, short enough not to pile up. */
export const NOTIFICATION_MS = 6000;

/** Saved/created/deleted confirmations; UI state only, so it lives in zustand. */
export const useNotifications = create<NotificationState>((set, get) => ({
  notifications: [],
  notify: (message) => {
    const id = nextId++;
    set({ notifications: [...get().notifications, { id, message }].slice(-3) });
    setTimeout(() => get().dismiss(id), NOTIFICATION_MS);
  },
  dismiss: (id) => set({ notifications: get().notifications.filter((n) => n.id !== id) }),
}));

/** Shortcut for screens: `notify(t('organisations.saved', { name }))`. */
export const notify = (message: string) => useNotifications.getState().notify(message);
