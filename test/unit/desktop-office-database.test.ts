import { describe, expect, it } from 'vitest';
import { databaseArgument } from '../../electron/shell/database-argument';
import { officeDatabaseDialogText } from '../../electron/shell/office-database-dialog-text';

/** Issue 13 in the desktop app: --database wins over the remembered choice; the start-up question in the app's languages. */
describe('the desktop app’s --database', () => {
  it('is read as the CLI reads it: --database URL, --database=URL, else PORTIER_DATABASE_URL; empty means none', () => {
    const url = 'postgres://portier@db:5432/portier';
    expect(databaseArgument(['electron', '.', '--database', url], {})).toBe(url);
    expect(databaseArgument(['electron', '.', `--database=${url}`], { PORTIER_DATABASE_URL: 'postgres://other@db/x' })).toBe(url);
    expect(databaseArgument(['electron', '.'], { PORTIER_DATABASE_URL: url })).toBe(url);
    expect(databaseArgument(['electron', '.', '--database='], {})).toBeUndefined();
    expect(databaseArgument(['electron', '.'], { PORTIER_DATABASE_URL: '' })).toBeUndefined();
  });
});

describe('the question when the remembered office database cannot be opened', () => {
  it('is asked in English, Dutch or German after the system language, English otherwise', () => {
    expect(officeDatabaseDialogText('nl-BE').retry).toBe('Opnieuw proberen');
    expect(officeDatabaseDialogText('de').quit).toBe('Beenden');
    expect(officeDatabaseDialogText('fr-FR').useOwn).toBe("Back to this desk's own database (SQLite)");
  });
});
