/**
 * How people read a person's name (first name, then last name), in lists, mails and letters
 * alike. Contacts own it; portal accounts, activation mails and letters use this one.
 */
export const personDisplayName = (first: string | null, last: string | null): string | null =>
  last === null ? null : [first, last].filter((s) => s).join(' ');
