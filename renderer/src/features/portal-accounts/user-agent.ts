// A browser's User-Agent header as staff recognise it: "Firefox · Windows". Only the common
// browsers and systems are named; the order matters, as Edge and Opera also call themselves
// Chrome, and Chrome calls itself Safari.
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|HeadlessChrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (ua: string, table: readonly [RegExp, string][]) => table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

/** "Browser · system", either alone when only one is known, or null when neither is. */
export function browserOf(userAgent: string): string | null {
  const parts = [first(userAgent, BROWSERS), first(userAgent, SYSTEMS)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
