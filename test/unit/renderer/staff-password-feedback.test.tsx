// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupScreen } from '../../../renderer/src/features/session/SetupScreen';
import { StaffForm } from '../../../renderer/src/features/staff/StaffForm';
import { DEFAULT_PASSWORD_POLICY } from '../../../shared/api/password-policy';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const policy = { 'password-policy:get': () => DEFAULT_PASSWORD_POLICY };

describe('staff password feedback', () => {
  it('shows the policy rules live in the staff form', async () => {
    const user = userEvent.setup();
    renderWithApp(<StaffForm />, policy);
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Password'), 'harbour');
    expect(await screen.findByText('Rules not met yet: 3')).toBeTruthy();
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'Quiet-Harbour-71');
    expect(await screen.findByText('The password meets the policy.')).toBeTruthy();
  });

  it('shows the policy rules live on the first-start screen', async () => {
    const user = userEvent.setup();
    renderWithApp(<SetupScreen />, policy);
    await user.type(screen.getByLabelText('Password'), 'short');
    expect(await screen.findByText('At least 8 characters')).toBeTruthy();
    expect(screen.getByText(/Rules not met yet/)).toBeTruthy();
  });
});
