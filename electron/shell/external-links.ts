/**
 * Hosts the desktop app may hand to the system browser. Everything else a
 * page tries to open is dropped: a link in customer data must not launch
 * arbitrary URLs or protocols (file:, smb:, custom handlers) on staff machines.
 * The customer portal's address joins this list once it is a setting.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

/** http(s) only, no credentials in the URL, host on the allow-list (exact match). */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
