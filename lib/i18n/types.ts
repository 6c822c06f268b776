// The shapes of message modules (lib/i18n/messages/<language>/<area>.ts). English is the reference:
// every other language's module is typed as a Translation of the English one, so the compiler refuses
// a missing or extra key, or a plain string where English has plural forms.

/** A message whose wording depends on a number: one text per plural category of the language. */
export type PluralMessage = Readonly<Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>> & { other: string }>;

export type Message = string | PluralMessage;

export type Messages = Readonly<Record<string, Message>>;

/** Another language's module for the same area: the English keys, each a string or plural forms as in English. */
export type Translation<English extends Messages> = {
  readonly [Key in keyof English]: English[Key] extends string ? string : PluralMessage;
};
