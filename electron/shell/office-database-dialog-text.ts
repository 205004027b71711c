/** The desktop's question when the remembered office database cannot be opened at start, in the app's languages. */
export interface OfficeDatabaseDialogText {
  title: string;
  message: string;
  retry: string;
  useOwn: string;
  quit: string;
}

const TEXT: Readonly<Record<'en' | 'nl' | 'de', OfficeDatabaseDialogText>> = {
  en: {
    title: 'Office database',
    message: 'Portier cannot open the office database this desk uses.',
    retry: 'Try again',
    useOwn: "Back to this desk's own database (SQLite)",
    quit: 'Quit',
  },
  nl: {
    title: 'Kantoordatabase',
    message: 'Portier kan de kantoordatabase die deze werkplek gebruikt niet openen.',
    retry: 'Opnieuw proberen',
    useOwn: 'Terug naar de eigen database van deze werkplek (SQLite)',
    quit: 'Afsluiten',
  },
  de: {
    title: 'Bürodatenbank',
    message: 'Portier kann die Bürodatenbank, die dieser Arbeitsplatz verwendet, nicht öffnen.',
    retry: 'Erneut versuchen',
    useOwn: 'Zurück zur eigenen Datenbank dieses Arbeitsplatzes (SQLite)',
    quit: 'Beenden',
  },
};

/** The text for Electron's app.getLocale() (e.g. "nl-NL"); English for any other language. */
export function officeDatabaseDialogText(locale: string): OfficeDatabaseDialogText {
  const language = locale.slice(0, 2).toLowerCase();
  return language === 'nl' || language === 'de' ? TEXT[language] : TEXT.en;
}
