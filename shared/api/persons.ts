import { z } from 'zod';
import { channel } from '../contract';
import { ById, ContactLanguage, Id, Timestamp, listQuery, optionalEmail, optionalText, page, requiredText } from './common';

/** A contact person of one organisation. */
export const Person = z.strictObject({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  salutation: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  language: ContactLanguage,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.infer<typeof Person>;

/** International or local phone number: digits, spaces and + ( ) - only. */
const Mobile = optionalText(32).pipe(
  z
    .string()
    .regex(/^\+?[0-9 ()-]{6,31}$/)
    .nullable(),
);

/** What staff type for a person. */
export const PersonFields = z.strictObject({
  organisationId: Id,
  salutation: optionalText(40),
  firstName: optionalText(100),
  lastName: requiredText(100),
  email: optionalEmail,
  mobile: Mobile,
  language: ContactLanguage.default('default'),
});
export type PersonFields = z.input<typeof PersonFields>;

export const personsApi = {
  'persons:list': channel({
    access: 'staff',
    input: listQuery(['lastName', 'firstName', 'email', 'organisation', 'updatedAt'] as const).extend({
      organisationId: Id.optional(),
    }),
    output: page(Person),
  }),
  'persons:get': channel({ access: 'staff', input: ById, output: Person }),
  'persons:create': channel({ access: 'staff', input: PersonFields, output: Person, changes: ['persons', 'organisations', 'audit'] }),
  'persons:update': channel({
    access: 'staff',
    input: PersonFields.extend({ id: Id }),
    output: Person,
    // The account list shows linked persons' names (and searches them).
    changes: ['persons', 'organisations', 'portal-accounts', 'audit'],
  }),
  'persons:delete': channel({ access: 'staff', input: ById, output: z.null(), changes: ['persons', 'organisations', 'audit'] }),
} as const;
