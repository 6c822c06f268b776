/** A dictionary section: Italian must have exactly the English keys. */
export function section<const T extends Record<string, string>>(en: T, it: Record<keyof T, string>) {
  return { en, it };
}
