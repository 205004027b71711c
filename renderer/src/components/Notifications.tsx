import { useTranslation } from 'react-i18next';
import { useNotifications } from './notification-store';

/** One live region, always in the page, so screen readers announce each new message politely. */
export function Notifications() {
  const { t } = useTranslation();
  const notifications = useNotifications((s) => s.notifications);
  const dismiss = useNotifications((s) => s.dismiss);
  return (
    <div className="notifications" role="status" aria-live="polite" aria-label={t('common.notifications')}>
      {notifications.map((n) => (
        <p key={n.id} className="notification">
          <span>{n.message}</span>
          <button type="button" className="notification__dismiss" onClick={() => dismiss(n.id)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
