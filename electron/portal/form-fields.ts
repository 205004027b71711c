/**
 * A field of a posted form as text. Form bodies are untrusted: a repeated field arrives as an
 * array, a missing one as undefined; both read as '' here, so no page ever gets a non-string.
 */
export function formText(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A query parameter as text ('' when absent or repeated). */
export function queryText(query: unknown, name: string): string {
  return formText(query, name);
}
