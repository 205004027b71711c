/** Which database a process opens: SQLite in its data folder (no URL), or PostgreSQL at a postgres:// URL. */
export type DatabaseChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

/** The database a `--database` value (or PORTIER_DATABASE_URL) names; none means SQLite as always. */
export function chooseDatabase(url: string | undefined): DatabaseChoice {
  if (url === undefined || url.trim() === '') return { kind: 'sqlite' };
  if (/^postgres(ql)?:\/\//i.test(url.trim())) return { kind: 'postgres', url: url.trim() };
  throw new Error(`Unknown database address ${redactDatabaseUrl(url)}: give a postgres://user@host:5432/database URL, or none for SQLite in the data folder.`);
}

/** The password in the URL, if it has one (percent-decoded, as the driver uses it). */
function passwordOf(url: string): string | null {
  try {
    const password = new URL(url).password;
    return password === '' ? null : decodeURIComponent(password);
  } catch {
    // Not parseable as a URL: take what stands between "user:" and "@" by hand.
    return /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1] ?? null;
  }
}

/** The URL as it may be shown in logs and errors: the password replaced by ***. */
export function redactDatabaseUrl(url: string): string {
  const password = passwordOf(url);
  let shown = url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
  // A password given as a query parameter (?password=...) is a password too.
  shown = shown.replace(/([?&]password=)[^&]*/gi, '$1***');
  return password ? shown.split(password).join('***') : shown;
}

/** An error's message with the URL's password (raw or percent-encoded) taken out. */
export function withoutSecret(error: unknown, url: string): string {
  let message = error instanceof Error ? error.message : String(error);
  const password = passwordOf(url);
  const query = /[?&]password=([^&]*)/i.exec(url)?.[1];
  for (const secret of [password, password ? encodeURIComponent(password) : null, query]) {
    if (secret) message = message.split(secret).join('***');
  }
  return message;
}

/** The sslmode a postgres:// URL asks for (lower case), or null when it names none or is no URL. */
export function sslModeOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('sslmode')?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** The same URL with another sslmode (e.g. "prefer" falling back to "disable"). */
export function withSslMode(url: string, mode: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', mode);
  return parsed.toString();
}
