import { z } from 'zod';
import { channel } from '../contract';
import { Email, Empty, Nothing, UiLanguage, requiredText } from './common';
import { StaffMember, StaffPassword } from './staff';

/** First start: is there an administrator yet? */
export const SetupStatus = z.strictObject({ needsAdministrator: z.boolean(), defaultLanguage: UiLanguage });

export const sessionApi = {
  'setup:status': channel({ access: 'public', input: Empty, output: SetupStatus }),
  /** Creates the first administrator and signs them in; refused once any staff user exists. */
  'setup:create-administrator': channel({
    access: 'public',
    input: z.strictObject({
      name: requiredText(120),
      email: Email,
      password: StaffPassword,
      language: UiLanguage.default('en'),
    }),
    output: StaffMember,
    changes: ['session', 'staff', 'audit'],
  }),
  'session:sign-in': channel({
    access: 'public',
    input: z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
    output: StaffMember,
    changes: ['session'],
  }),
  'session:sign-out': channel({ access: 'public', input: Empty, output: Nothing, changes: ['session'] }),
  /** The signed-in staff user, or null. */
  'session:current': channel({ access: 'public', input: Empty, output: StaffMember.nullable() }),
} as const;
