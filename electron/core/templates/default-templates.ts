import type { UiLanguage } from '../../../shared/api/common';
import type { MailTemplateType } from './template-port';

export interface MailTemplateSource {
  subject: string;
  html: string;
}

const p = (text: string) => `<p>${text}</p>`;
const button = '<p><a href="{{ link }}">{{ link }}</a></p>';

/** The mails as Portier ships them, in every UI language; administrators may change them. */
export const DEFAULT_TEMPLATES: Record<MailTemplateType, Record<UiLanguage, MailTemplateSource>> = {
  activation: {
    en: {
      subject: 'Your access to the {{ company_name }} customer portal',
      html: [
        p('Dear {{ name }},'),
        p('An account has been set up for you in the {{ company_name }} customer portal, where you can follow your tickets, documents and reports. Your username is {{ username }}.'),
        p('To activate it, open this link:'),
        button,
        p('You will be asked for the activation code from the letter we are sending you by post, and to choose a password. The link and the code are valid until {{ expires_at }}.'),
        p('If you did not expect this message, you can ignore it; nothing happens without the code from the letter.'),
        p('Kind regards,<br>{{ company_name }}'),
      ].join('\n'),
    },
    nl: {
      subject: 'Uw toegang tot het klantenportaal van {{ company_name }}',
      html: [
        p('Beste {{ name }},'),
        p('Er is een account voor u aangemaakt in het klantenportaal van {{ company_name }}, waar u uw tickets, documenten en rapportages kunt volgen. Uw gebruikersnaam is {{ username }}.'),
        p('Open deze link om het account te activeren:'),
        button,
        p('U wordt gevraagd om de activatiecode uit de brief die wij u per post sturen, en om een wachtwoord te kiezen. De link en de code zijn geldig tot {{ expires_at }}.'),
        p('Had u dit bericht niet verwacht? Dan kunt u het negeren; zonder de code uit de brief gebeurt er niets.'),
        p('Met vriendelijke groet,<br>{{ company_name }}'),
      ].join('\n'),
    },
    de: {
      subject: 'Ihr Zugang zum Kundenportal von {{ company_name }}',
      html: [
        p('Guten Tag {{ name }},'),
        p('für Sie wurde ein Konto im Kundenportal von {{ company_name }} eingerichtet, in dem Sie Ihre Tickets, Dokumente und Berichte verfolgen können. Ihr Benutzername ist {{ username }}.'),
        p('Um es zu aktivieren, öffnen Sie bitte diesen Link:'),
        button,
        p('Sie werden nach dem Aktivierungscode aus dem Brief gefragt, den wir Ihnen per Post senden, und wählen ein Passwort. Link und Code sind gültig bis {{ expires_at }}.'),
        p('Falls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren; ohne den Code aus dem Brief geschieht nichts.'),
        p('Mit freundlichen Grüßen<br>{{ company_name }}'),
      ].join('\n'),
    },
  },
  'set-password': {
    en: {
      subject: 'Set your password for the {{ company_name }} customer portal',
      html: [
        p('Dear {{ name }},'),
        p('You can set a new password for your portal account {{ username }} with this link:'),
        button,
        p('The link can be used once and is valid until {{ expires_at }}. If you did not ask for it, you can ignore this message; your current password stays as it is.'),
        p('Kind regards,<br>{{ company_name }}'),
      ].join('\n'),
    },
    nl: {
      subject: 'Stel uw wachtwoord in voor het klantenportaal van {{ company_name }}',
      html: [
        p('Beste {{ name }},'),
        p('Met deze link kunt u een nieuw wachtwoord instellen voor uw portalaccount {{ username }}:'),
        button,
        p('De link is eenmalig te gebruiken en geldig tot {{ expires_at }}. Heeft u hier niet om gevraagd? Dan kunt u dit bericht negeren; uw huidige wachtwoord blijft gewoon werken.'),
        p('Met vriendelijke groet,<br>{{ company_name }}'),
      ].join('\n'),
    },
    de: {
      subject: 'Legen Sie Ihr Passwort für das Kundenportal von {{ company_name }} fest',
      html: [
        p('Guten Tag {{ name }},'),
        p('mit diesem Link können Sie ein neues Passwort für Ihr Portalkonto {{ username }} festlegen:'),
        button,
        p('Der Link ist einmal verwendbar und gültig bis {{ expires_at }}. Falls Sie ihn nicht angefordert haben, können Sie diese Nachricht ignorieren; Ihr bisheriges Passwort bleibt gültig.'),
        p('Mit freundlichen Grüßen<br>{{ company_name }}'),
      ].join('\n'),
    },
  },
  'password-changed': {
    en: {
      subject: 'Your portal password was changed',
      html: [
        p('Dear {{ name }},'),
        p('The password of your portal account {{ username }} has just been changed, and every open session has been signed out.'),
        p('If you did not do this yourself, please contact us right away.'),
        p('Kind regards,<br>{{ company_name }}'),
      ].join('\n'),
    },
    nl: {
      subject: 'Uw portaalwachtwoord is gewijzigd',
      html: [
        p('Beste {{ name }},'),
        p('Het wachtwoord van uw portalaccount {{ username }} is zojuist gewijzigd en alle openstaande sessies zijn afgemeld.'),
        p('Heeft u dit niet zelf gedaan? Neem dan direct contact met ons op.'),
        p('Met vriendelijke groet,<br>{{ company_name }}'),
      ].join('\n'),
    },
    de: {
      subject: 'Ihr Portalpasswort wurde geändert',
      html: [
        p('Guten Tag {{ name }},'),
        p('das Passwort Ihres Portalkontos {{ username }} wurde soeben geändert, und alle offenen Sitzungen wurden abgemeldet.'),
        p('Falls Sie dies nicht selbst getan haben, wenden Sie sich bitte umgehend an uns.'),
        p('Mit freundlichen Grüßen<br>{{ company_name }}'),
      ].join('\n'),
    },
  },
  welcome: {
    en: {
      subject: 'Welcome to the {{ company_name }} customer portal',
      html: [
        p('Dear {{ name }},'),
        p('Your portal account {{ username }} is now active. You can sign in at any time at:'),
        '<p><a href="{{ portal_url }}">{{ portal_url }}</a></p>',
        p('Kind regards,<br>{{ company_name }}'),
      ].join('\n'),
    },
    nl: {
      subject: 'Welkom in het klantenportaal van {{ company_name }}',
      html: [
        p('Beste {{ name }},'),
        p('Uw portalaccount {{ username }} is nu actief. U kunt zich altijd aanmelden via:'),
        '<p><a href="{{ portal_url }}">{{ portal_url }}</a></p>',
        p('Met vriendelijke groet,<br>{{ company_name }}'),
      ].join('\n'),
    },
    de: {
      subject: 'Willkommen im Kundenportal von {{ company_name }}',
      html: [
        p('Guten Tag {{ name }},'),
        p('Ihr Portalkonto {{ username }} ist jetzt aktiv. Sie können sich jederzeit hier anmelden:'),
        '<p><a href="{{ portal_url }}">{{ portal_url }}</a></p>',
        p('Mit freundlichen Grüßen<br>{{ company_name }}'),
      ].join('\n'),
    },
  },
  // The letter's subject and text from the salutation on; the code, the portal address, the
  // QR code and the closing are laid out around it. It holds no link: see TEMPLATE_RULES.
  'activation-letter': {
    en: {
      subject: 'Activation details for our customer portal',
      html: [
        p('Dear {{ name }},'),
        p('We have set up an account for you in our customer portal. We have also sent you an email with an activation link.'),
        p('Open the link from the email, enter the activation code below and choose a password. The code only works together with that link; keep this letter safe until you have activated your account.'),
      ].join('\n'),
    },
    nl: {
      subject: 'Activatiegegevens voor ons klantenportaal',
      html: [
        p('Beste {{ name }},'),
        p('Wij hebben voor u een account aangemaakt in ons klantenportaal. U heeft ook een e-mail met een activatielink van ons ontvangen.'),
        p('Open de link uit de e-mail, vul de activatiecode hieronder in en kies een wachtwoord. De code werkt alleen samen met die link; bewaar deze brief goed tot uw account is geactiveerd.'),
      ].join('\n'),
    },
    de: {
      subject: 'Aktivierungsdaten für unser Kundenportal',
      html: [
        p('Guten Tag {{ name }},'),
        p('wir haben für Sie ein Konto in unserem Kundenportal eingerichtet. Außerdem haben Sie von uns eine E-Mail mit einem Aktivierungslink erhalten.'),
        p('Öffnen Sie den Link aus der E-Mail, geben Sie den unten stehenden Aktivierungscode ein und wählen Sie ein Passwort. Der Code funktioniert nur zusammen mit diesem Link; bewahren Sie diesen Brief bis zur Aktivierung sicher auf.'),
      ].join('\n'),
    },
  },
  // A ticket the customer follows changed status (by staff, in bulk, or by another customer's accept/reject).
  'ticket-status': {
    en: {
      subject: '{{ ticket_number }} is now "{{ new_status }}": {{ ticket_title }}',
      html: [
        p('Dear {{ name }},'),
        p('The status of ticket {{ ticket_number }} "{{ ticket_title }}" changed from "{{ old_status }}" to "{{ new_status }}".'),
        p('You can read the ticket in the customer portal:'),
        button,
        p('You receive this mail because you follow this ticket. You can turn these mails off under "My account" in the portal.'),
        p('Kind regards,<br>{{ company_name }}'),
      ].join('\n'),
    },
    nl: {
      subject: '{{ ticket_number }} is nu "{{ new_status }}": {{ ticket_title }}',
      html: [
        p('Beste {{ name }},'),
        p('De status van ticket {{ ticket_number }} "{{ ticket_title }}" is gewijzigd van "{{ old_status }}" in "{{ new_status }}".'),
        p('U kunt het ticket lezen in het klantenportaal:'),
        button,
        p('U ontvangt deze e-mail omdat u dit ticket volgt. U kunt deze e-mails uitzetten onder "Mijn account" in het portaal.'),
        p('Met vriendelijke groet,<br>{{ company_name }}'),
      ].join('\n'),
    },
    de: {
      subject: '{{ ticket_number }} ist jetzt „{{ new_status }}“: {{ ticket_title }}',
      html: [
        p('Guten Tag {{ name }},'),
        p('der Status des Tickets {{ ticket_number }} „{{ ticket_title }}“ hat sich von „{{ old_status }}“ zu „{{ new_status }}“ geändert.'),
        p('Sie können das Ticket im Kundenportal lesen:'),
        button,
        p('Sie erhalten diese E-Mail, weil Sie diesem Ticket folgen. Unter „Mein Konto“ im Portal können Sie diese E-Mails abschalten.'),
        p('Mit freundlichen Grüßen<br>{{ company_name }}'),
      ].join('\n'),
    },
  },
};
