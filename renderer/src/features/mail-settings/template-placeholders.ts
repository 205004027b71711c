import { isAppError } from '../../../../shared/errors';

/** How a placeholder is written into a template. */
export const placeholderText = (name: string) => `{{ ${name} }}`;

const LIQUID_BLOCK = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Required placeholders the body does not mention in any liquid output or tag. Lenient on
 * purpose (a filter or an `if` counts): the core's check is the strict one; this only spares
 * a round trip for the obvious case of a placeholder that was deleted.
 */
export function missingPlaceholders(html: string, required: readonly string[]): string[] {
  const blocks = html.match(LIQUID_BLOCK) ?? [];
  return required.filter((name) => !blocks.some((block) => new RegExp(`(^|[^\\w.])${name}(?![\\w])`).test(block.slice(2, -2))));
}

/** The placeholders a refusal names (the core sends them as comma-separated params). */
export function namedPlaceholders(error: unknown): { missing: string[]; unknown: string[] } {
  const params = isAppError(error) ? (error.params ?? {}) : {};
  const list = (value: string | number | undefined) =>
    String(value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return { missing: list(params.missing), unknown: list(params.unknown) };
}

/** Text with `insert` put in place of the selection [start, end). */
export function insertAt(text: string, insert: string, start: number, end: number): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
