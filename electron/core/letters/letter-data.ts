import type { UiLanguage } from '../../../shared/api/common';

/** Everything one activation letter shows. */
export interface ActivationLetter {
  language: UiLanguage;
  /** Recipient block for the window envelope: name, organisation, address lines, postal code + city, country. */
  recipient: string[];
  postalCode: string;
  salutationName: string;
  username: string;
  code: string;
  /** The portal's activation page; never carries the token, so the letter alone opens nothing. */
  activationPage: string;
  expiresAt: string;
  date: Date;
}

/** A checked PNG or JPEG for the letterhead, with its size in pixels. */
export interface LetterheadImage {
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  data: Buffer;
}

export interface Letterhead {
  companyName: string;
  /** Lines under the company name, e.g. street, postal code and city. */
  addressLines: string[];
  /** Drawn top right on every letter; embedded once per file however many letters it holds. */
  logo?: LetterheadImage | null;
}

/** The box a letterhead logo is fitted into, keeping its aspect ratio, at the right margin. */
export const LOGO_BOX_MM = { width: 45, height: 20 } as const;

/** A logo's size in the box: as large as fits, never stretched. */
export function fitLogo(logo: Pick<LetterheadImage, 'width' | 'height'>, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
}

const TEXTS: Record<UiLanguage, { subject: string; dear: (n: string) => string; body: string[]; codeLabel: string; pageLabel: string; validUntil: (d: string) => string; closing: string }> = {
  en: {
    subject: 'Activation details for our customer portal',
    dear: (n) => `Dear ${n},`,
    body: [
      'We have set up an account for you in our customer portal. We have also sent you an email with an activation link.',
      'Open the link from the email, enter the activation code below and choose a password. The code only works together with that link; keep this letter safe until you have activated your account.',
    ],
    codeLabel: 'Your activation code',
    pageLabel: 'Activation page (the link in the email takes you there)',
    validUntil: (d) => `Valid until ${d}`,
    closing: 'Kind regards,',
  },
  nl: {
    subject: 'Activatiegegevens voor ons klantenportaal',
    dear: (n) => `Beste ${n},`,
    body: [
      'Wij hebben voor u een account aangemaakt in ons klantenportaal. U heeft ook een e-mail met een activatielink van ons ontvangen.',
      'Open de link uit de e-mail, vul de activatiecode hieronder in en kies een wachtwoord. De code werkt alleen samen met die link; bewaar deze brief goed tot uw account is geactiveerd.',
    ],
    codeLabel: 'Uw activatiecode',
    pageLabel: 'Activatiepagina (de link in de e-mail brengt u daar)',
    validUntil: (d) => `Geldig tot ${d}`,
    closing: 'Met vriendelijke groet,',
  },
  de: {
    subject: 'Aktivierungsdaten für unser Kundenportal',
    dear: (n) => `Guten Tag ${n},`,
    body: [
      'wir haben für Sie ein Konto in unserem Kundenportal eingerichtet. Außerdem haben Sie von uns eine E-Mail mit einem Aktivierungslink erhalten.',
      'Öffnen Sie den Link aus der E-Mail, geben Sie den unten stehenden Aktivierungscode ein und wählen Sie ein Passwort. Der Code funktioniert nur zusammen mit diesem Link; bewahren Sie diesen Brief bis zur Aktivierung sicher auf.',
    ],
    codeLabel: 'Ihr Aktivierungscode',
    pageLabel: 'Aktivierungsseite (der Link in der E-Mail führt Sie dorthin)',
    validUntil: (d) => `Gültig bis ${d}`,
    closing: 'Mit freundlichen Grüßen',
  },
};

export const letterTexts = (language: UiLanguage) => TEXTS[language];
