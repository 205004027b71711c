/** The first number a ticket gets; later ones take the next free number above the highest. */
export const FIRST_TICKET_NUMBER = 10001;

/** A ticket's number as people see and type it: T-10234. */
export function formatTicketNumber(number: number): string {
  return `T-${number}`;
}

/** The digits of a typed ticket reference ("T-10234", "t10234", "10234"), or null when the text is no reference. */
export function ticketNumberDigits(text: string): string | null {
  const match = /^\s*(?:t\s*-?\s*)?(\d{1,15})\s*$/iu.exec(text);
  return match ? (match[1] ?? null) : null;
}
