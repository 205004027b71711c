import type { ContactLanguage } from '../../../../shared/api/common';
import type { Organisation, OrganisationFields } from '../../../../shared/api/organisations';
import type { OrganisationRef } from './OrganisationPicker';

/** What the organisation form holds while the user types: plain strings, as typed. */
export interface OrganisationFormValues {
  name: string;
  customerNumber: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  language: ContactLanguage;
  internal: boolean;
  parent: OrganisationRef | null;
}

export const emptyOrganisation: OrganisationFormValues = {
  name: '',
  customerNumber: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  country: '',
  language: 'default',
  internal: false,
  parent: null,
};

export function organisationToForm(o: Organisation): OrganisationFormValues {
  return {
    name: o.name,
    customerNumber: o.customerNumber ?? '',
    addressLine1: o.addressLine1 ?? '',
    addressLine2: o.addressLine2 ?? '',
    postalCode: o.postalCode ?? '',
    city: o.city ?? '',
    country: o.country ?? '',
    language: o.language,
    internal: o.internal,
    parent: o.parentId !== null ? { id: o.parentId, name: o.parentName ?? `#${o.parentId}` } : null,
  };
}

/** Empty strings go as they are: the contract trims them and stores null. */
export function formToOrganisation(v: OrganisationFormValues): OrganisationFields {
  return {
    name: v.name,
    customerNumber: v.customerNumber,
    addressLine1: v.addressLine1,
    addressLine2: v.addressLine2,
    postalCode: v.postalCode,
    city: v.city,
    country: v.country,
    language: v.language,
    internal: v.internal,
    parentId: v.parent?.id ?? null,
  };
}
