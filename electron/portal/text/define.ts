/** One area's texts in every language: a key missing (or extra) in one language does not compile. */
export function portalTexts<const K extends string>(texts: { en: Record<K, string>; nl: Record<K, string>; de: Record<K, string> }) {
  return texts;
}
