/*
 * Portier's schema steps and their runners: the step's shape (migration-step.ts), SQLite's runner
 * (dialect/sqlite-migration.ts, PRAGMA user_version) and PostgreSQL's (dialect/postgres.ts).
 */
export { DatabaseTooNewError, type Migration } from './migration-step';
export { migrate, readSchemaVersion } from './dialect/sqlite-migration';
