// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivationSettingsSection } from '../../../renderer/src/features/mail-settings/ActivationSettingsSection';
import { DEFAULT_ACTIVATION_SETTINGS, type ActivationSettingsView, type LetterheadLogo, type SetLetterheadLogo } from '../../../shared/api/activation-settings';
import { AppError } from '../../../shared/errors';
import { GIF_1X1, pngImage } from '../../support/images';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const PNG = pngImage(24, 8);
const stored: LetterheadLogo = { mimeType: 'image/png', width: 24, height: 8, bytes: 2048, dataUrl: `data:image/png;base64,${PNG.toString('base64')}` };

/** A fake core that keeps the logo it is given, as the real one does. */
function core(initial: LetterheadLogo | null, refuse?: AppError) {
  let logo = initial;
  return {
    'activation-settings:get': (): ActivationSettingsView => ({ ...DEFAULT_ACTIVATION_SETTINGS, logo }),
    'activation-settings:set-logo': (input: SetLetterheadLogo): LetterheadLogo => {
      if (refuse) throw refuse;
      logo = { ...stored, mimeType: input.mimeType, dataUrl: `data:${input.mimeType};base64,${input.dataBase64}` };
      return logo;
    },
    'activation-settings:remove-logo': () => {
      logo = null;
      return null;
    },
  };
}

const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

describe('the letterhead logo in the activation settings', () => {
  it('sends a chosen PNG as its bytes, shows the preview, and removes it again', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ActivationSettingsSection me={staffMember()} />, core(null));
    expect(await screen.findByText('No logo: letters show the company name only.')).toBeTruthy();
    // Named .jpg but a PNG inside: the bytes decide.
    await user.upload(screen.getByLabelText('Choose logo file'), file(PNG, 'logo.jpg', 'image/jpeg'));
    await waitFor(() => expect(fake.callsTo('activation-settings:set-logo')).toEqual([{ mimeType: 'image/png', dataBase64: PNG.toString('base64') }]));
    const preview = await screen.findByRole('img', { name: 'The letterhead logo' });
    expect(preview.getAttribute('src')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(screen.getByText('PNG, 24 × 8 pixels, 2 KB')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove logo' }));
    expect(await screen.findByText('No logo: letters show the company name only.')).toBeTruthy();
    expect(fake.callsTo('activation-settings:remove-logo')).toEqual([{}]);
  });

  it('refuses a GIF and a file over 512 KB next to the field without sending them', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { fake } = renderWithApp(<ActivationSettingsSection me={staffMember()} />, core(null));
    const input = await screen.findByLabelText('Choose logo file');
    await user.upload(input, file(GIF_1X1, 'logo.png', 'image/png'));
    expect(await screen.findByText('Choose a PNG or JPEG image; this file is not one, or it is damaged.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.upload(input, file(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'big.png', 'image/png'));
    expect(await screen.findByText('The file may be at most 512 KB.')).toBeTruthy();
    expect(fake.callsTo('activation-settings:set-logo')).toHaveLength(0);
  });

  it("shows the core's field error for a damaged image next to the field, in the user's language", async () => {
    const user = userEvent.setup();
    const refusal = new AppError('VALIDATION', 'core text', { fields: { dataBase64: { code: 'unsupported_image' } } });
    renderWithApp(<ActivationSettingsSection me={staffMember()} />, core(null, refusal), { language: 'de' });
    await user.upload(await screen.findByLabelText('Logodatei auswählen'), file(PNG, 'logo.png', 'image/png'));
    expect(await screen.findByText('Wählen Sie ein PNG- oder JPEG-Bild; diese Datei ist keines oder beschädigt.')).toBeTruthy();
    expect(screen.queryByText('core text')).toBeNull();
  });

  it('shows the logo to staff without the controls to change it', async () => {
    renderWithApp(<ActivationSettingsSection me={staffMember({ role: 'staff' })} />, core(stored));
    expect(await screen.findByRole('img', { name: 'The letterhead logo' })).toBeTruthy();
    expect(screen.queryByLabelText('Choose logo file')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove logo' })).toBeNull();
  });
});
