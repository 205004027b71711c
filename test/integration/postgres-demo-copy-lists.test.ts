import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/*
 * Issue 13, as it will be checked: the demo desk copied to PostgreSQL (copy-to) gives the same
 * account list, the same search results and the same view-as ticket lists as the SQLite desk it
 * came from, asked through the core on each side with the same inputs at the same moment. Any
 * difference in sorting (accents, case, empty values), searching (any part, any case, accents
 * ignored) or in who sees which ticket shows as a difference here. The file manages its own
 * databases, so it runs in the sqlite project only (postgres-*.test.ts in vitest.config.ts).
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

const ANNA = { email: 'anna.devries@portier-demo.example', password: 'Portier-Demo-2025' };

let temp: ReturnType<typeof tempDataDir>;
let office: ThrowawayDatabase;
const sides: { core: PortierCore; session: SessionSlot }[] = [];

beforeAll(async () => {
  if (!pgUp) return;
  temp = tempDataDir('portier-demo-copy-');
  const desk = path.join(temp.dir, 'desk');
  const seeded = await portier(['seed-demo', '--data-dir', desk]);
  expect(seeded.code, seeded.stderr).toBe(0);
  office = await throwawayDatabase();
  const copied = await portier(['copy-to', '--to', office.url, '--data-dir', desk]);
  expect(copied.code, copied.stderr).toBe(0);
  for (const options of [{ dataDir: desk }, { dataDir: path.join(temp.dir, 'office-desk'), databaseUrl: office.url }]) {
    const core = await openPortierCore(options);
    const session = newSessionSlot();
    await core.call(session, 'session:sign-in', ANNA);
    sides.push({ core, session });
  }
}, 180_000);

afterAll(async () => {
  for (const side of sides) await side.core.close();
  await office?.drop();
  temp?.remove();
});

/** The same call on the SQLite desk and on the office database: both answers. */
async function both<C extends 'portal-accounts:list' | 'ticket-view:list' | 'organisations:list' | 'persons:list'>(channel: C, input: InputOf<C>) {
  const [sqlite, postgres] = await Promise.all(sides.map((side) => side.core.call(side.session, channel, input)));
  if (!sqlite || !postgres) throw new Error('both sides must be open');
  return { sqlite, postgres };
}

/** The demo desk's own data, read from its SQLite file (the contacts with ticket rights, words of ticket titles). */
function fromDesk<T>(query: string): T[] {
  const sqlite = new SQLite(path.join(temp.dir, 'desk', 'portier.sqlite'), { readonly: true });
  try {
    return sqlite.prepare(query).all() as T[];
  } finally {
    sqlite.close();
  }
}

const SEARCHES = ['orsted', 'ØRSTED', 'ecluse', 'dabrowska', 'DĄBROWSKA', 'łódź', 'lodz', 'müller', 'muller', 'strasse', 'straße', 'stefanescu', 'ș', 'ab', 'example', 'portier-demo.example', 'zzqx'];

describe('the demo desk and its copy on PostgreSQL', () => {
  it.skipIf(!pgUp)(`give the same account list: every order both ways, every quick filter, pages${skip}`, async () => {
    const sorts = ['username', 'person', 'organisation', 'status', 'activationSentAt', 'activatedAt', 'lastSignInAt'] as const;
    let compared = 0;
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        const { sqlite, postgres } = await both('portal-accounts:list', { sort, direction, limit: 500 } as InputOf<'portal-accounts:list'>);
        expect(postgres, `${sort} ${direction}`).toEqual(sqlite);
        expect(sqlite.rows.length).toBeGreaterThan(30);
        compared += 1;
      }
    }
    for (const filter of ['never_invited', 'invited', 'invitation_expired', 'activated'] as const) {
      const { sqlite, postgres } = await both('portal-accounts:list', { filter } as InputOf<'portal-accounts:list'>);
      expect(postgres, filter).toEqual(sqlite);
      compared += 1;
    }
    const page = await both('portal-accounts:list', { sort: 'person', offset: 7, limit: 9 } as InputOf<'portal-accounts:list'>);
    expect(page.postgres).toEqual(page.sqlite);
    expect(page.sqlite.rows).toHaveLength(9);
    expect(compared).toBe(18);
  });

  it.skipIf(!pgUp)(`find the same accounts, organisations and persons for the same text: any part, any case, accents ignored${skip}`, async () => {
    let found = 0;
    for (const search of SEARCHES) {
      for (const channel of ['portal-accounts:list', 'organisations:list', 'persons:list'] as const) {
        const { sqlite, postgres } = await both(channel, { search, limit: 500 } as never);
        expect(postgres, `${channel} "${search}"`).toEqual(sqlite);
        found += sqlite.rows.length;
      }
    }
    // Not all empty: the terms were chosen from the demo's names.
    expect(found).toBeGreaterThan(50);
    const accounts = await both('portal-accounts:list', { search: 'ØRSTED' } as InputOf<'portal-accounts:list'>);
    expect(accounts.sqlite.total).toBeGreaterThan(0);
  });

  it.skipIf(!pgUp)(`show every contact with ticket rights the same tickets in the view-as list, by every quick link, order and a search${skip}`, async () => {
    const contacts = fromDesk<{ person_id: number | null; account_id: number | null; account_organisation_id: number | null }>(
      'SELECT DISTINCT person_id, account_id, account_organisation_id FROM ticket_right ORDER BY person_id, account_id',
    ).map((r) => (r.person_id !== null ? { personId: r.person_id } : { accountId: r.account_id as number, ...(r.account_organisation_id !== null ? { organisationId: r.account_organisation_id } : {}) }));
    expect(contacts.length).toBeGreaterThan(3);
    const word = fromDesk<{ word: string }>("SELECT substr(title, 1, instr(title || ' ', ' ') - 1) AS word FROM ticket ORDER BY id LIMIT 1")[0]?.word ?? 'a';
    let seen = 0;
    for (const contact of contacts) {
      for (const quickLink of ['open', 'waiting_for_me', 'done_to_accept', 'all'] as const) {
        for (const sort of ['updated', 'number', 'title', 'priority', 'status'] as const) {
          const { sqlite, postgres } = await both('ticket-view:list', { contact, quickLink, sort, limit: 500 } as InputOf<'ticket-view:list'>);
          expect(postgres, `${JSON.stringify(contact)} ${quickLink} ${sort}`).toEqual(sqlite);
          seen += sqlite.rows.length;
        }
      }
      const searched = await both('ticket-view:list', { contact, quickLink: 'all', search: word.toUpperCase() } as InputOf<'ticket-view:list'>);
      expect(searched.postgres).toEqual(searched.sqlite);
    }
    expect(seen).toBeGreaterThan(100);
  });
});
