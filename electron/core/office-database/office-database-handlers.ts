import type { officeDatabaseApi } from '../../../shared/api/office-database';
import { signedInStaff, type Handlers } from '../context';
import { forgetOfficeDatabase, officeDatabaseStatus, testOfficeDatabase, useOfficeDatabase } from './office-database-service';

/** The connect screen's channels (issue 13); who may call them is the contract's admin-or-desktop level. */
export const officeDatabaseHandlers: Handlers<keyof typeof officeDatabaseApi> = {
  'office-database:get': async (_input, { deps }) => officeDatabaseStatus(deps),
  'office-database:test': (input, { deps }) => testOfficeDatabase(deps, input),
  'office-database:use': (input, ctx) => useOfficeDatabase(ctx.deps, input, signedInStaff(ctx)?.id ?? null),
  'office-database:forget': (_input, ctx) => forgetOfficeDatabase(ctx.deps, signedInStaff(ctx)?.id ?? null),
};
