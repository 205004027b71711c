import { featureText } from '../../i18n/feature-text';

export const sessionSettingsText = featureText(
  {
    title: 'Staff sessions',
    intro: 'A staff user who does nothing for this long is signed out and signs in again. Changing a user’s password, role or active flag signs them out everywhere at once.',
    idleMinutes: 'Sign out after this many idle minutes',
    idleHint: 'Between 5 minutes and 7 days (10080). The default is 480 (8 hours).',
    saved: 'Session settings saved.',
    passwordHint: 'The password must meet the password policy; a long passphrase is easiest to remember.',
  },
  {
    nl: {
      title: 'Sessies van medewerkers',
      intro: 'Een medewerker die zo lang niets doet, wordt afgemeld en meldt zich opnieuw aan. Wie het wachtwoord, de rol of de actief-vlag van een medewerker wijzigt, meldt die overal tegelijk af.',
      idleMinutes: 'Afmelden na zoveel minuten zonder activiteit',
      idleHint: 'Tussen 5 minuten en 7 dagen (10080). Standaard is 480 (8 uur).',
      saved: 'Sessie-instellingen opgeslagen.',
      passwordHint: 'Het wachtwoord moet aan het wachtwoordbeleid voldoen; een lange wachtzin onthoudt u het makkelijkst.',
    },
    de: {
      title: 'Sitzungen der Mitarbeitenden',
      intro: 'Wer so lange nichts tut, wird abgemeldet und meldet sich erneut an. Eine Änderung von Passwort, Rolle oder Aktiv-Kennzeichen meldet die Person überall zugleich ab.',
      idleMinutes: 'Abmelden nach so vielen Minuten ohne Aktivität',
      idleHint: 'Zwischen 5 Minuten und 7 Tagen (10080). Standard ist 480 (8 Stunden).',
      saved: 'Sitzungseinstellungen gespeichert.',
      passwordHint: 'Das Passwort muss die Passwortrichtlinie erfüllen; eine lange Passphrase merkt man sich am leichtesten.',
    },
  },
);
