// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { countryOptions } from '../../../renderer/src/components/country-options';
import { TextField } from '../../../renderer/src/components/Field';
import { OrganisationForm } from '../../../renderer/src/features/organisations/OrganisationForm';
import { StaffForm } from '../../../renderer/src/features/staff/StaffForm';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { fieldErrorMessage } from '../../../renderer/src/i18n/error-messages';
import { DEFAULT_PASSWORD_POLICY } from '../../../shared/api/password-policy';
import { AppError } from '../../../shared/errors';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

function Limited() {
  const [value, setValue] = useState('');
  return <TextField label="Postal code" value={value} onValueChange={setValue} maxLength={10} />;
}

describe('a text field with a limit', () => {
  it('never cuts what is typed: near the limit it counts, past it it says "at most N characters"', async () => {
    const user = userEvent.setup();
    renderWithApp(<Limited />, {});
    const input = screen.getByLabelText('Postal code') as HTMLInputElement;
    expect(input.maxLength).toBe(-1);
    await user.type(input, '1234567');
    expect(screen.queryByText(/characters/)).toBeNull();
    await user.type(input, '8');
    expect(screen.getByText('8 / 10 characters')).toBeTruthy();
    await user.type(input, '9012');
    expect(input.value).toBe('123456789012');
    expect(screen.getByText('Use at most 10 characters.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('contract errors in words', () => {
  it('say "choose at least one" for a list, in every language', () => {
    expect(fieldErrorMessage(createI18n('en').t, { code: 'too_few', min: 1 })).toBe('Choose at least one.');
    expect(fieldErrorMessage(createI18n('nl').t, { code: 'too_few', min: 1 })).toBe('Kies er minstens één.');
    expect(fieldErrorMessage(createI18n('de').t, { code: 'too_few', min: 2 })).toBe('Wählen Sie mindestens 2 aus.');
    expect(fieldErrorMessage(createI18n('en').t, { code: 'unknown_country' })).toMatch(/not an ISO country/);
  });

  it('name the line and the problem of a template syntax error, translated', () => {
    const error = { code: 'invalid_template' as const, problem: 'unknown_tag' as const, name: 'iff', line: 3, column: 1 };
    expect(fieldErrorMessage(createI18n('en').t, error)).toBe('Line 3: unknown tag ‘iff’.');
    expect(fieldErrorMessage(createI18n('nl').t, error)).toBe('Regel 3: onbekende tag ‘iff’.');
    expect(fieldErrorMessage(createI18n('de').t, { ...error, problem: 'not_closed', name: '{% if name %}' })).toBe('Zeile 3: {% if name %} wird nicht geschlossen.');
    expect(fieldErrorMessage(createI18n('en').t, { code: 'invalid_template' })).toBe('The template cannot be read.');
  });
});

describe('the country picker', () => {
  it('names every ISO country in the UI language and offers nothing else', () => {
    const nl = countryOptions('nl', 'Geen land');
    expect(nl[0]).toEqual({ value: '', label: 'Geen land' });
    expect(nl).toContainEqual({ value: 'NL', label: 'Nederland' });
    expect(countryOptions('de', '-')).toContainEqual({ value: 'DE', label: 'Deutschland' });
    expect(nl.map((o) => o.value)).not.toContain('XX');
    expect(nl.map((o) => o.value)).not.toContain('UK');
    expect(nl).toHaveLength(250);
  });
});

describe('every new password typed', () => {
  it('gets the live policy feedback on the staff form', async () => {
    const user = userEvent.setup();
    renderWithApp(<StaffForm />, { 'password-policy:get': () => DEFAULT_PASSWORD_POLICY });
    await user.type(screen.getByLabelText('Password'), 'abc');
    expect(await screen.findByText('At least 8 characters')).toBeTruthy();
  });

  it('gets it when the first administrator is created, with the default policy (nobody can read the stored one yet)', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<App />, { 'session:current': () => null, 'setup:status': () => ({ needsAdministrator: true, defaultLanguage: 'en' }) });
    await user.type(await screen.findByLabelText('Password'), 'abc');
    expect(await screen.findByText('At least 8 characters')).toBeTruthy();
    expect(fake.callsTo('password-policy:get')).toHaveLength(0);
  });
});

describe('the organisation form', () => {
  it('picks the country by its name in the UI language and sends its ISO code', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <OrganisationForm />,
      {
        'organisations:create': () => {
          throw new AppError('VALIDATION', 'stop here', { fields: { name: { code: 'taken' } } });
        },
      },
      { language: 'nl' },
    );
    await user.type(screen.getByLabelText('Naam'), 'Brouwerij De Ster');
    await user.selectOptions(screen.getByLabelText('Land'), 'Nederland');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(fake.callsTo('organisations:create')).toEqual([expect.objectContaining({ name: 'Brouwerij De Ster', country: 'NL' })]));
  });
});
