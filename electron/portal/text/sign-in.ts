import { portalTexts } from './define';

/** The sign-in page's texts. */
export const signInText = portalTexts({
  en: {
    'signIn.title': 'Sign in',
    'signIn.intro': 'Sign in to the customer portal of {company}.',
    'signIn.username': 'Email address',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.forgot': 'Forgot your password?',
    'signIn.invalid': 'The email address or password is not correct.',
    'signIn.noOrganisation': 'This account is not linked to an organisation yet. Please contact us.',
    'signIn.signedOut': 'You have signed out.',
    'signIn.expired': 'Your session has ended. Please sign in again.',
  },
  nl: {
    'signIn.title': 'Aanmelden',
    'signIn.intro': 'Meld u aan op het klantenportaal van {company}.',
    'signIn.username': 'E-mailadres',
    'signIn.password': 'Wachtwoord',
    'signIn.submit': 'Aanmelden',
    'signIn.forgot': 'Wachtwoord vergeten?',
    'signIn.invalid': 'Het e-mailadres of wachtwoord klopt niet.',
    'signIn.noOrganisation': 'Dit account is nog niet aan een organisatie gekoppeld. Neem contact met ons op.',
    'signIn.signedOut': 'U bent afgemeld.',
    'signIn.expired': 'Uw sessie is beëindigd. Meld u opnieuw aan.',
  },
  de: {
    'signIn.title': 'Anmelden',
    'signIn.intro': 'Melden Sie sich im Kundenportal von {company} an.',
    'signIn.username': 'E-Mail-Adresse',
    'signIn.password': 'Passwort',
    'signIn.submit': 'Anmelden',
    'signIn.forgot': 'Passwort vergessen?',
    'signIn.invalid': 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt.',
    'signIn.noOrganisation': 'Dieses Konto ist noch keiner Organisation zugeordnet. Bitte kontaktieren Sie uns.',
    'signIn.signedOut': 'Sie haben sich abgemeldet.',
    'signIn.expired': 'Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.',
  },
});
