import { describe, expect, it } from 'vitest';
import { FIRST_TICKET_NUMBER, formatTicketNumber, ticketNumberDigits } from '../../shared/ticket-number';

describe('ticket numbers', () => {
  it('are shown as T-<number>, from 10001 up', () => {
    expect(FIRST_TICKET_NUMBER).toBe(10001);
    expect(formatTicketNumber(10234)).toBe('T-10234');
  });

  it('are read back from what people type, and only from that', () => {
    for (const typed of ['T-10234', 't-10234', 'T10234', ' t - 10234 ', '10234']) expect(ticketNumberDigits(typed), typed).toBe('10234');
    for (const typed of ['T-', 'Tee-10234', '10234 printer', 'T-10.234', '']) expect(ticketNumberDigits(typed), typed).toBeNull();
  });
});
