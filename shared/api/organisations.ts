import { z } from 'zod';
import { channel } from '../contract';
import { isCountryCode } from '../countries';
import { ById, ContactLanguage, Id, Timestamp, listQuery, optionalText, page, requiredText } from './common';

/** An assigned ISO 3166-1 alpha-2 country code (any case), or empty. */
export const CountryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || isCountryCode(v), { params: { fieldError: { code: 'unknown_country' } } })
  .transform((v) => (v ? v : null));

/** An organisation (company), possibly a child of an umbrella organisation. */
export const Organisation = z.strictObject({
  id: Id,
  name: z.string(),
  customerNumber: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  language: ContactLanguage,
  internal: z.boolean(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  personCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

/** What staff type for an organisation. */
export const OrganisationFields = z.strictObject({
  name: requiredText(200),
  customerNumber: optionalText(40),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: CountryCode.nullish().transform((v) => v ?? null),
  language: ContactLanguage.default('default'),
  internal: z.boolean().default(false),
  parentId: Id.nullish().transform((v) => v ?? null),
});
export type OrganisationFields = z.input<typeof OrganisationFields>;

export const organisationsApi = {
  'organisations:list': channel({
    access: 'staff',
    input: listQuery(['name', 'customerNumber', 'city', 'country', 'updatedAt'] as const).extend({
      parentId: Id.optional(),
    }),
    output: page(Organisation),
  }),
  'organisations:get': channel({ access: 'staff', input: ById, output: Organisation }),
  'organisations:create': channel({
    access: 'staff',
    input: OrganisationFields,
    output: Organisation,
    changes: ['organisations', 'audit'],
  }),
  'organisations:update': channel({
    access: 'staff',
    input: OrganisationFields.extend({ id: Id }),
    output: Organisation,
    // The account list shows linked organisations' names (and searches them).
    changes: ['organisations', 'persons', 'portal-accounts', 'audit'],
  }),
  /** Refused while persons or child organisations still reference it. */
  'organisations:delete': channel({
    access: 'staff',
    input: ById,
    output: z.null(),
    changes: ['organisations', 'audit'],
  }),
} as const;
