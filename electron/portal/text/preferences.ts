import { portalTexts } from './define';

/** My account: the account's own settings, in sections (language and status mails here; other areas add theirs). */
export const preferencesText = portalTexts({
  en: {
    'account.signedInAs': 'Signed in as {username}.',
    'account.preferences': 'Language and notifications',
    'account.language': 'Language of the portal and of our mails',
    'account.languageDefault': 'Standard language ({language})',
    'account.notify': 'Mail me when the status of a ticket I follow changes',
    'account.notifyHint': 'You follow the tickets you created and those on which you are the contact.',
    'account.save': 'Save',
    'account.saved': 'Your settings have been saved.',
    'account.password': 'Password',
    'account.passwordIntro': 'Change the password you sign in with.',
  },
  nl: {
    'account.signedInAs': 'Aangemeld als {username}.',
    'account.preferences': 'Taal en meldingen',
    'account.language': 'Taal van het portaal en van onze e-mails',
    'account.languageDefault': 'Standaardtaal ({language})',
    'account.notify': 'Mail mij als de status van een ticket dat ik volg verandert',
    'account.notifyHint': 'U volgt de tickets die u heeft aangemaakt en die waarvan u de contactpersoon bent.',
    'account.save': 'Opslaan',
    'account.saved': 'Uw instellingen zijn opgeslagen.',
    'account.password': 'Wachtwoord',
    'account.passwordIntro': 'Wijzig het wachtwoord waarmee u zich aanmeldt.',
  },
  de: {
    'account.signedInAs': 'Angemeldet als {username}.',
    'account.preferences': 'Sprache und Benachrichtigungen',
    'account.language': 'Sprache des Portals und unserer E-Mails',
    'account.languageDefault': 'Standardsprache ({language})',
    'account.notify': 'Mir eine E-Mail senden, wenn sich der Status eines Tickets ändert, dem ich folge',
    'account.notifyHint': 'Sie folgen den Tickets, die Sie erstellt haben, und denen, bei denen Sie Ansprechpartner sind.',
    'account.save': 'Speichern',
    'account.saved': 'Ihre Einstellungen wurden gespeichert.',
    'account.password': 'Passwort',
    'account.passwordIntro': 'Ändern Sie das Passwort, mit dem Sie sich anmelden.',
  },
});
