/**
 * The desktop app's --database URL (also --database=URL), else PORTIER_DATABASE_URL, as the
 * CLI reads them; undefined when neither is given. It wins over the remembered office database.
 */
export function databaseArgument(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--database') return nonEmpty(argv[i + 1]);
    if (arg.startsWith('--database=')) return nonEmpty(arg.slice('--database='.length));
  }
  return nonEmpty(env.PORTIER_DATABASE_URL);
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);
