import type { LogoMimeType } from '../../../shared/api/activation-settings';
import type { UiLanguage } from '../../../shared/api/common';
import { neutraliseText } from '../../../shared/export-cell';

/** Everything one activation letter shows. */
export interface ActivationLetter {
  language: UiLanguage;
  /** Recipient block for the window envelope: name, organisation, address lines, postal code + city, country. */
  recipient: string[];
  postalCode: string;
  salutationName: string;
  /** The subject and the text from the salutation on, rendered from the letter template when the letter was made. */
  subject: string;
  paragraphs: string[];
  username: string;
  code: string;
  /** The portal's activation page; never carries the token, so the letter alone opens nothing. */
  activationPage: string;
  expiresAt: string;
  date: Date;
}

/** A checked PNG or JPEG for the letterhead, with its size in pixels. */
export interface LetterheadImage {
  mimeType: LogoMimeType;
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

/** The fixed parts of the layout around the letter template's text. */
const TEXTS: Record<UiLanguage, { codeLabel: string; pageLabel: string; validUntil: (d: string) => string; closing: string }> = {
  en: {
    codeLabel: 'Your activation code',
    pageLabel: 'Activation page (the link in the email takes you there)',
    validUntil: (d) => `Valid until ${d}`,
    closing: 'Kind regards,',
  },
  nl: {
    codeLabel: 'Uw activatiecode',
    pageLabel: 'Activatiepagina (de link in de e-mail brengt u daar)',
    validUntil: (d) => `Geldig tot ${d}`,
    closing: 'Met vriendelijke groet,',
  },
  de: {
    codeLabel: 'Ihr Aktivierungscode',
    pageLabel: 'Aktivierungsseite (der Link in der E-Mail führt Sie dorthin)',
    validUntil: (d) => `Gültig bis ${d}`,
    closing: 'Mit freundlichen Grüßen',
  },
};

export const letterTexts = (language: UiLanguage) => TEXTS[language];

/** The letter with every text neutralised for print (no bidi or control characters); the stored letter keeps what was typed. */
export function printableLetter(letter: ActivationLetter): ActivationLetter {
  return {
    ...letter,
    recipient: letter.recipient.map(neutraliseText),
    postalCode: neutraliseText(letter.postalCode),
    salutationName: neutraliseText(letter.salutationName),
    subject: neutraliseText(letter.subject),
    paragraphs: letter.paragraphs.map(neutraliseText),
    username: neutraliseText(letter.username),
    code: neutraliseText(letter.code),
    activationPage: neutraliseText(letter.activationPage),
  };
}

/** The letterhead's texts neutralised for print, as printableLetter. */
export function printableLetterhead(head: Letterhead): Letterhead {
  return { ...head, companyName: neutraliseText(head.companyName), addressLines: head.addressLines.map(neutraliseText) };
}
