/** One message in English, Simplified Chinese and French, in that order. */
export type Triple = readonly [en: string, zh: string, fr: string];

/** A message catalogue: message key → the message in the three interface languages. */
export type Catalogue = Record<string, Triple>;
