// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OfficeDatabaseScreen } from '../../../renderer/src/features/office-database/OfficeDatabaseScreen';
import type { OfficeDatabaseShown, OfficeDatabaseStatus } from '../../../shared/api/office-database';
import { AppError } from '../../../shared/errors';
import { renderWithApp } from './support/render-app';

/** Issue 13: the connect screen's form against a fake core. */
afterEach(cleanup);

const remembered: OfficeDatabaseShown = { host: 'db.office.example', port: 5432, database: 'portier', user: 'portier', sslmode: 'verify-full', caFile: '/etc/ssl/office-ca.pem', passwordSet: true };
const onOffice: OfficeDatabaseStatus = { current: { kind: 'postgres', address: remembered }, chosenBy: 'remembered', remembered, canSwitch: true };
const onOwn: OfficeDatabaseStatus = { current: { kind: 'sqlite' }, chosenBy: 'default', remembered: null, canSwitch: true };

describe('the connect screen', () => {
  it('fills its fields from a pasted postgres:// address, empties the address, and sends the password only as typed', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<OfficeDatabaseScreen place="app" />, {
      'office-database:get': () => onOwn,
      'office-database:test': () => ({ serverVersion: '16.4', encrypted: true, schema: 'older', schemaVersion: 20, latestVersion: 29, clockOffsetMs: 420 }),
    });
    await user.type(await screen.findByLabelText('Address (postgres://…)'), 'postgres://office:s%40cret@db.example.com:6543/portier?sslmode=require');
    await user.click(screen.getByRole('button', { name: 'Fill in the fields' }));
    expect((screen.getByLabelText('Address (postgres://…)') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Server') as HTMLInputElement).value).toBe('db.example.com');
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('6543');
    expect((screen.getByLabelText('User name') as HTMLInputElement).value).toBe('office');
    expect((screen.getByLabelText('Password') as HTMLInputElement).type).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(fake.callsTo('office-database:test')).toHaveLength(1));
    expect(fake.callsTo('office-database:test')[0]).toEqual({ host: 'db.example.com', port: 6543, database: 'portier', user: 'office', password: 's@cret', sslmode: 'require', caFile: null });
    const answer = await screen.findByRole('status');
    expect(answer.textContent).toContain('Connected to PostgreSQL 16.4.');
    expect(answer.textContent).toContain('The connection is encrypted.');
    expect(answer.textContent).toContain('it is brought up to date (version 29)');
    // Clocks less than a second apart: nothing to say about them.
    expect(screen.queryByRole('alert')).toBeNull();
    // The answer is about what was tested: it goes when a field changes.
    await user.type(screen.getByLabelText('Database'), 'x');
    expect(screen.queryByText(/Connected to PostgreSQL/)).toBeNull();
  });

  it('warns when the server’s clock is 30 s or more from this computer’s, ahead or behind', async () => {
    const user = userEvent.setup();
    let offset = -95_400;
    renderWithApp(<OfficeDatabaseScreen place="app" />, {
      'office-database:get': () => onOwn,
      'office-database:test': () => ({ serverVersion: '15.20', encrypted: true, schema: 'current', schemaVersion: 29, latestVersion: 29, clockOffsetMs: offset }),
    });
    await user.type(await screen.findByLabelText('Address (postgres://…)'), 'postgres://office@db.example.com/portier');
    await user.click(screen.getByRole('button', { name: 'Fill in the fields' }));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server’s clock is 95 s behind this computer’s. Set every computer of the office from a time server (NTP): the desks judge each other’s mail sending and jobs by their clocks.',
    );
    expect(screen.getByRole('status').textContent).toContain('Connected to PostgreSQL 15.20.');
    offset = 29_000;
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    offset = 31_000;
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server’s clock is 31 s ahead of this computer’s.');
  });

  it('says a failure next to its field, with the server’s own words when it is no known one, and an address it cannot read', async () => {
    const user = userEvent.setup();
    let answer = new AppError('VALIDATION', 'x', { fields: { password: { code: 'wrong_password' } } });
    renderWithApp(<OfficeDatabaseScreen place="app" />, {
      'office-database:get': () => onOffice,
      'office-database:test': () => {
        throw answer;
      },
    });
    await user.type(await screen.findByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server refused this password.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    answer = new AppError('VALIDATION', 'x', { fields: { host: { code: 'connection_failed' } }, params: { detail: 'sorry, too many clients already' } });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server answered: sorry, too many clients already')).toBeTruthy();
    await user.type(screen.getByLabelText('Address (postgres://…)'), 'db.example.com/portier');
    await user.click(screen.getByRole('button', { name: 'Fill in the fields' }));
    expect(screen.getByText('This is not a postgres:// address Portier can read.')).toBeTruthy();
  });

  it('keeps the remembered password for the same connection only, and says so when it changes', async () => {
    const user = userEvent.setup();
    renderWithApp(<OfficeDatabaseScreen place="app" />, { 'office-database:get': () => onOffice });
    const password = (await screen.findByLabelText('Password')) as HTMLInputElement;
    expect(password.placeholder).toBe('remembered — leave empty to keep');
    expect((screen.getByLabelText('CA certificate file') as HTMLInputElement).value).toBe('/etc/ssl/office-ca.pem');
    await user.selectOptions(screen.getByLabelText('Encryption'), 'require');
    expect(screen.getByText(/the remembered password is not used for it/)).toBeTruthy();
    expect(screen.queryByLabelText('CA certificate file')).toBeNull();
  });

  it('shows a browser tab before sign-in why it cannot choose here', async () => {
    renderWithApp(<OfficeDatabaseScreen place="before-sign-in" />, {
      'office-database:get': () => {
        throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      },
    });
    expect(await screen.findByText(/In browser mode the database is chosen by an administrator after signing in/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('only tests while the command line chose the database', async () => {
    renderWithApp(<OfficeDatabaseScreen place="app" />, { 'office-database:get': () => ({ ...onOffice, chosenBy: 'command-line', remembered: null, canSwitch: false }) });
    expect(await screen.findByText(/Portier was started with --database/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Use this database' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Back to this desk’s own database (SQLite)' })).toBeNull();
  });
});
