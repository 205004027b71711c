import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReferenceResolver } from '../../electron/cli/accounts/resolve';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

const org = (name: string, extra: Record<string, unknown> = {}) => t.call('organisations:create', { name, ...extra });
const orgNames = async (search: string) => (await t.call('organisations:list', { search })).rows.map((o) => o.name);
const personNames = async (search: string) => (await t.call('persons:list', { search })).rows.map((p) => p.lastName);

describe('search folds case and accents for all of Unicode', () => {
  it('finds organisations by name, customer number and city whatever the case or accents', async () => {
    await org('Ørnstedt Consult ApS', { customerNumber: 'DK-4711', city: 'Århus' });
    await org("Café de l'Écluse", { city: 'Łódź' });
    await org('Ørsted Rådgivning AS');
    await org('Other BV', { customerNumber: 'NL-1', city: 'Utrecht' });
    expect(await orgNames('ornstedt')).toEqual(['Ørnstedt Consult ApS']);
    expect(await orgNames('ØRNSTEDT')).toEqual(['Ørnstedt Consult ApS']);
    expect(await orgNames('ecluse')).toEqual(["Café de l'Écluse"]);
    expect(await orgNames('L’ÉCLUSE')).toEqual(["Café de l'Écluse"]);
    expect(await orgNames('radgivning')).toEqual(['Ørsted Rådgivning AS']);
    expect(await orgNames('dk-47')).toEqual(['Ørnstedt Consult ApS']);
    expect(await orgNames('aarhus')).toEqual([]);
    expect(await orgNames('arhus')).toEqual(['Ørnstedt Consult ApS']);
    expect(await orgNames('LODZ')).toEqual(["Café de l'Écluse"]);
    expect(await orgNames('%')).toEqual([]);
  });

  it('keeps the keys current when an organisation is renamed', async () => {
    const o = await org('Temp Eins GmbH');
    await t.call('organisations:update', { id: o.id, name: 'Straße & Söhne', city: 'Köln' });
    expect(await orgNames('strasse')).toEqual(['Straße & Söhne']);
    expect(await orgNames('sohne')).toEqual(['Straße & Söhne']);
    expect(await orgNames('koln')).toEqual(['Straße & Söhne']);
    expect(await orgNames('eins')).toEqual([]);
  });

  it('finds persons by first, last and full name, email and organisation', async () => {
    const o = await org('Łukasiewicz Sp. z o.o.');
    await t.call('persons:create', { organisationId: o.id, firstName: 'Ștefan', lastName: 'Țurcanu', email: 'STEFAN@Example.ro' });
    await t.call('persons:create', { organisationId: (await org('Other')).id, firstName: 'Anna', lastName: 'Æbelø' });
    expect(await personNames('stefan')).toEqual(['Țurcanu']);
    expect(await personNames('stefan turcanu')).toEqual(['Țurcanu']);
    expect(await personNames('TURCANU')).toEqual(['Țurcanu']);
    expect(await personNames('example.ro')).toEqual(['Țurcanu']);
    expect(await personNames('lukasiewicz')).toEqual(['Țurcanu']);
    expect(await personNames('aebelo')).toEqual(['Æbelø']);
  });

  it('finds portal accounts by the names of their organisations and persons, folded the same way', async () => {
    const o = await org('Ørnstedt Consult ApS');
    const p = await t.call('persons:create', { organisationId: o.id, firstName: 'Łucja', lastName: 'Błaszczyk', email: 'lucja@example.pl' });
    const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
    await t.call('portal-accounts:create', { username: 'lucja@example.pl', links: [{ organisationId: o.id, personId: p.id, isDefault: true }], roleGroupIds: [group.id] });
    const found = async (search: string) => (await t.call('portal-accounts:list', { search })).rows.map((r) => r.username);
    expect(await found('ornstedt')).toEqual(['lucja@example.pl']);
    expect(await found('BLASZCZYK')).toEqual(['lucja@example.pl']);
    expect(await found('łucja')).toEqual(['lucja@example.pl']);
    expect(await found('lu')).toEqual(['lucja@example.pl']);
    expect(await found('nobody')).toEqual([]);
  });
});

describe('lists sorted by name follow collation, not code points', () => {
  it('sorts organisations: Bäckerei before Brouwerij, Łódź with the L, Ørsted with the O', async () => {
    for (const name of ['Zürich Versicherung', 'Brouwerij Het Anker', 'Łódź Logistics', 'Bäckerei Müller', 'Lyon Transports', 'Ørsted Rådgivning AS', 'Oslo Havn', 'apple bv', 'Lublin Sp.']) {
      await org(name);
    }
    const sorted = (await t.call('organisations:list', { sort: 'name', direction: 'asc' })).rows.map((o) => o.name);
    expect(sorted).toEqual(['apple bv', 'Bäckerei Müller', 'Brouwerij Het Anker', 'Łódź Logistics', 'Lublin Sp.', 'Lyon Transports', 'Ørsted Rådgivning AS', 'Oslo Havn', 'Zürich Versicherung']);
    const descending = (await t.call('organisations:list', { sort: 'name', direction: 'desc' })).rows.map((o) => o.name);
    expect(descending).toEqual([...sorted].reverse());
  });

  it('sorts persons by last name the same way', async () => {
    const o = await org('Org');
    for (const lastName of ['Zimmermann', 'Łukasz', 'Bäcker', 'Brouwer', 'Lange']) await t.call('persons:create', { organisationId: o.id, lastName });
    const sorted = (await t.call('persons:list', { sort: 'lastName', direction: 'asc' })).rows.map((p) => p.lastName);
    expect(sorted).toEqual(['Bäcker', 'Brouwer', 'Lange', 'Łukasz', 'Zimmermann']);
  });
});

describe('--organisation NAME and CSV import resolve names with any case and accents', () => {
  it('resolves "ORSTED RADGIVNING AS" and "cafe de l’ecluse" to the organisations, and refuses a name that folds to two', async () => {
    const orsted = await org('Ørsted Rådgivning AS');
    const cafe = await org("Café de l'Écluse");
    await org('Élan SA');
    await org('Elan SA');
    const resolve = new ReferenceResolver(t.core.commandLine());
    expect(await resolve.organisation('ORSTED RADGIVNING AS')).toEqual({ id: orsted.id, name: 'Ørsted Rådgivning AS' });
    expect(await resolve.organisation('Ørsted Rådgivning AS')).toEqual({ id: orsted.id, name: 'Ørsted Rådgivning AS' });
    expect(await resolve.organisation('cafe de l’ecluse')).toEqual({ id: cafe.id, name: "Café de l'Écluse" });
    await expect(resolve.organisation('ELAN SA')).rejects.toThrow(/ambiguous/);
  });
});
