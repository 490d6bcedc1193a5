/**
 * One file per area of the UI under resources/, each with Swedish and English text of the
 * same shape (the type makes a missing English key a compile error, and a test checks
 * both languages have the same keys). Keys are namespaced by the file's top-level keys.
 */
export interface Resource<T> {
  sv: T;
  en: T;
}
