import { expect, it } from 'vitest';
import { fakeTransport, takeFakeOutputViolations } from './support/fake-transport';
import { organisation } from './support/fixtures';

it('refuses an input the contract refuses, as the core does, without calling the fake', async () => {
  const fake = fakeTransport({ 'organisations:create': () => organisation() });
  const result = await fake.transport('organisations:create', { name: '', isAdmin: true });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('VALIDATION');
  expect(result.error.fields).toMatchObject({ name: { code: 'required' }, isAdmin: { code: 'unknown_field' } });
  expect(fake.callsTo('organisations:create')).toHaveLength(1);
});

it('hands the fake the parsed input, as the core hands its handlers', async () => {
  let received: unknown;
  const fake = fakeTransport({
    'organisations:create': (input) => {
      received = input;
      return organisation({ name: input.name });
    },
  });
  const result = await fake.transport('organisations:create', { name: '  Brouwerij De Ster  ' });
  expect(result).toMatchObject({ ok: true, value: { name: 'Brouwerij De Ster' } });
  expect(received).toMatchObject({ name: 'Brouwerij De Ster' });
});

it('fails on an answer the contract does not promise', async () => {
  const fake = fakeTransport({ 'organisations:get': () => ({ ...organisation(), passwordHash: 'leaked' }) as never });
  await expect(fake.transport('organisations:get', { id: 1 })).rejects.toThrow(/the fake for organisations:get answered what the contract does not promise/);
  expect(takeFakeOutputViolations()).toHaveLength(1);
});

it('answers UNKNOWN_CHANNEL for a channel without a fake', async () => {
  expect(await fakeTransport({}).transport('organisations:list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});
