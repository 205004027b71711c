import type { DatabaseChosenBy } from '../../../shared/api/office-database';
import type { z } from 'zod';

export type ChosenBy = z.infer<typeof DatabaseChosenBy>;

/**
 * Re-opens the back office on another database (a postgres:// URL, or null: this desk's own
 * SQLite) and resolves once new calls reach it; rejects, changing nothing, when it cannot be
 * opened. Given by the shells that can switch while they run (desktop, browser mode).
 */
export type SwitchDatabase = (databaseUrl: string | null) => Promise<void>;

/** What the connect screen's channels know of the database this core runs on. */
export interface OfficeDatabasePort {
  /** The data folder, which holds the remembered choice (office-database.json). */
  dataDir: string;
  /** The URL this core opened (with its password: never answered), or null on SQLite. */
  currentUrl: string | null;
  chosenBy: ChosenBy;
  switchTo?: SwitchDatabase;
}

/** How a shell tells the core who chose its database and how to switch (CoreOptions.officeDatabase). */
export interface OfficeDatabaseOptions {
  /** Who gave CoreOptions.databaseUrl: the remembered choice, or the command line (the default). */
  chosenBy?: Exclude<ChosenBy, 'default'>;
  switchTo?: SwitchDatabase;
}
