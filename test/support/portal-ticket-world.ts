import type { TestCore } from './core';
import { CUSTOMER_PASSWORD, customerWithPassword } from './portal';

/** Text that only staff may ever see: no portal page may contain it. */
export const INTERNAL_COMMENT = 'INTERNAL-ONLY margin is 40 percent';
export const TIME_NOTE = 'TIME-NOTE billed to the wrong card';

/**
 * Two customers through the real channels. Erik (Élan Øresund BV) holds a writable right on
 * Website (all tasks) and a read-only one on Archive; Bea (Globex) holds one on Globex's Shop.
 * Tickets of Erik's: Logo (new, with an internal and a public comment and booked time),
 * Server (done), Invoice (in progress on Archive, read-only), Wait (waiting for the customer);
 * Bea's: Cart.
 */
export async function portalTicketWorld(t: TestCore) {
  const erik = await customerWithPassword(t, 'erik@example.com', 'Élan Øresund BV');
  const bea = await customerWithPassword(t, 'bea@example.com', 'Globex');
  const website = (await t.call('projects:create', { name: 'Website', organisationId: erik.organisationId })).id;
  const design = (await t.call('tasks:create', { projectId: website, name: 'Design' })).id;
  const hosting = (await t.call('tasks:create', { projectId: website, name: 'Hosting' })).id;
  const archive = (await t.call('projects:create', { name: 'Archive', organisationId: erik.organisationId })).id;
  const old = (await t.call('tasks:create', { projectId: archive, name: 'Old invoices' })).id;
  const shop = (await t.call('projects:create', { name: 'Shop', organisationId: bea.organisationId })).id;
  const cartTask = (await t.call('tasks:create', { projectId: shop, name: 'Cart' })).id;
  await t.call('ticket-rights:grant', { holder: { personId: erik.personId }, projectId: website, scope: 'all_tasks' });
  await t.call('ticket-rights:grant', { holder: { personId: erik.personId }, projectId: archive, scope: 'all_tasks', readOnly: true });
  await t.call('ticket-rights:grant', { holder: { personId: bea.personId }, projectId: shop, scope: 'all_tasks' });
  const ticket = (title: string, projectId: number, taskId: number, contactPersonId: number, status: 'new' | 'in_progress' | 'waiting_for_customer' | 'done' = 'new') =>
    t.call('tickets:create', { title, projectId, taskId, contactPersonId, status });
  const logo = await ticket('Logo too small', website, design, erik.personId);
  const server = await ticket('Server slow', website, hosting, erik.personId, 'done');
  const invoice = await ticket('Old invoice wrong', archive, old, erik.personId, 'in_progress');
  const wait = await ticket('Which colour?', website, design, erik.personId, 'waiting_for_customer');
  const cart = await ticket('Cart empties itself', shop, cartTask, bea.personId, 'done');
  await t.call('tickets:comment', { ticketId: logo.id, body: INTERNAL_COMMENT, internal: true });
  await t.call('tickets:comment', { ticketId: logo.id, body: 'We are on it.', internal: false });
  await t.call('time-entries:book', { ticketId: logo.id, workDate: '2026-01-15', minutes: 95, note: TIME_NOTE });
  return {
    erik,
    bea,
    password: CUSTOMER_PASSWORD,
    projects: { website, archive, shop },
    tasks: { design, hosting, old, cart: cartTask },
    tickets: { logo, server, invoice, wait, cart },
  };
}

export type PortalTicketWorld = Awaited<ReturnType<typeof portalTicketWorld>>;
