import type { Migration } from '../migration';
import { migration0001 } from './0001-staff';
import { migration0002 } from './0002-contacts';
import { migration0003 } from './0003-audit-log';
import { migration0004 } from './0004-settings';
import { migration0005 } from './0005-role-groups';
import { migration0006 } from './0006-portal-accounts';
import { migration0007 } from './0007-account-tokens';
import { migration0008 } from './0008-outbox';
import { migration0009 } from './0009-mail-templates';
import { migration0010 } from './0010-documents';
import { migration0011 } from './0011-letter-template';
import { migration0012 } from './0012-staff-security-stamp';
import { migration0014 } from './0014-outbox-lease-owner';
import { migration0015 } from './0015-ids-never-reused';
import { migration0016 } from './0016-search-keys';
import { migration0017 } from './0017-audit-label';
import { migration0018 } from './0018-account-nickname-key';
import { migration0019 } from './0019-account-search-document';
import { migration0020 } from './0020-tickets';
import { migration0021 } from './0021-ticket-project-covering';
import { migration0024 } from './0024-account-search-stage';
import { migration0026 } from './0026-portal-sessions';
import { migration0027 } from './0027-portal-link-state';
import { migration0028 } from './0028-outbox-sms';
import { migration0029 } from './0029-ticket-status-template';
import { migration0030 } from './0030-office-key';
import { migration0031 } from './0031-postgres-list-orders';
import { migration0032 } from './0032-background-jobs';
import { migration0033 } from './0033-postgres-booleans-and-times';
import { migration0035 } from './0035-staff-name-key';
import { migration0036 } from './0036-postgres-search-trigram-statistics';
import { migration0037 } from './0037-postgres-search-statistics-target';

/** Every migration, in order. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011,
  migration0012, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019,
  migration0020,
  migration0021,
  migration0024,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
  migration0035,
  migration0036,
  migration0037,
];

/** The schema version a database has after every migration ran (the last one's number). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
