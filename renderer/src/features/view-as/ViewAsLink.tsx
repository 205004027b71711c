import type { ViewContact } from '../../../../shared/api/ticket-view';
import { Link } from '../../router/Link';

/** "View tickets as this contact" on a person's or an account's page. */
export function ViewAsLink({ contact, label }: { contact: ViewContact; label: string }) {
  return (
    <p className="view-as-link">
      <Link to={{ name: 'view-as', contact }} className="button">
        {label}
      </Link>
    </p>
  );
}
