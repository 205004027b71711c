/** Every key of T, any text: the shape a translation must have. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * A feature's texts in every UI language, kept next to the feature. English is the
 * reference; Dutch and German must have exactly its keys (checked by the compiler
 * here and by the i18n key-parity test).
 */
export function featureText<const E>(en: E, others: { nl: Widen<E>; de: Widen<E> }): { en: E; nl: Widen<E>; de: Widen<E> } {
  return { en, ...others };
}
