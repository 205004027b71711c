import type { ContactLanguage } from '../../../../shared/api/common';
import type { Person, PersonFields } from '../../../../shared/api/persons';
import type { OrganisationRef } from '../organisations/OrganisationPicker';

/** What the person form holds while the user types. */
export interface PersonFormValues {
  organisation: OrganisationRef | null;
  salutation: string;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  language: ContactLanguage;
}

export function emptyPerson(organisation: OrganisationRef | null): PersonFormValues {
  return { organisation, salutation: '', firstName: '', lastName: '', email: '', mobile: '', language: 'default' };
}

export function personToForm(p: Person): PersonFormValues {
  return {
    organisation: { id: p.organisationId, name: p.organisationName },
    salutation: p.salutation ?? '',
    firstName: p.firstName ?? '',
    lastName: p.lastName,
    email: p.email ?? '',
    mobile: p.mobile ?? '',
    language: p.language,
  };
}

/**
 * Without a chosen organisation the id is left out on purpose: the core then answers
 * "required" on organisationId together with any other field's problem, in one round.
 */
export function formToPerson(v: PersonFormValues): PersonFields {
  return {
    organisationId: v.organisation?.id as number,
    salutation: v.salutation,
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    mobile: v.mobile,
    language: v.language,
  };
}
