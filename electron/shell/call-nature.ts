/**
 * The preload's call nature, as it arrives over IPC: exactly `{ unattended: true }` marks a call
 * the screen made by itself (a refresh), which the core answers without counting it as the user
 * being there; anything else, or nothing, is an attended call.
 */
export function isUnattended(nature: unknown): boolean {
  return typeof nature === 'object' && nature !== null && (nature as { unattended?: unknown }).unattended === true;
}
