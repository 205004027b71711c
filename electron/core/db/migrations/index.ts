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
import { migration0017 } from './0017-audit-label';

/** Every migration, in order. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0017];
