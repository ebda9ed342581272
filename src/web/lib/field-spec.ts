import type { Locale } from '../../shared/contracts/common.ts';
import type { MessageKey } from './i18n.tsx';

/**
 * The description of a kind's form, as plain data: which fields, of what kind, how wide, in which
 * sections. One renderer (components/form-fields.tsx) lays any of them out; a kind's form file
 * says only what is special to it. The field names are the contract's, and so are the labels
 * (`<labelPrefix>.<name>`), the validation and the required marks.
 */

/** How wide a field stands on a wide screen (on a phone every field takes the whole line but a quarter or a sixth, which take half). */
export type FieldWidth = 'full' | 'half' | 'third' | 'quarter' | 'sixth';

/** Names of an enum's values: messages under a prefix (`honour.kind` → `honour.kind.<value>`), or a label table of src/shared/i18n. */
export type OptionLabels = { messages: string } | { table: Readonly<Record<string, Readonly<Record<Locale, string>>>> };

interface FieldBase {
  /** The contract's field name. */
  name: string;
  width?: FieldWidth;
  /** Replaces the contract's label (`<labelPrefix>.<name>`) where one form says it otherwise. */
  label?: MessageKey;
  /** A line of help under the field. */
  hint?: MessageKey;
  testId?: string;
  /** Show the required mark where the contract cannot say it (required only with another field's value). */
  required?: boolean;
  /** Shown only while another field holds one of these values (an agreement's unit, for a collegiate one). */
  shownWhen?: { field: string; is: readonly unknown[] };
}

/** One field of a form. */
export type FieldSpec = FieldBase &
  (
    | {
        kind: 'text';
        maxLength?: number;
        lang?: 'zh' | 'fr';
        placeholder?: string;
        email?: boolean;
        upperCase?: boolean;
        /** A document number: the browser offers no remembered values. */
        noAutocomplete?: boolean;
        readOnly?: boolean;
        autoFocus?: boolean;
      }
    | { kind: 'longText'; maxLength: number; rows?: readonly [number, number] }
    | { kind: 'date'; noFuture?: boolean }
    | { kind: 'select'; values: readonly string[]; labels: OptionLabels; clearable?: boolean; wideMenu?: boolean }
    | { kind: 'tags'; placeholder?: MessageKey }
    | { kind: 'number'; min: number; max?: number; step?: number; integer?: boolean; absentWhenCleared?: boolean }
    | { kind: 'yesNo' }
    /** A unit of ours; a coordinator chooses within their own unit unless `anyUnit`. */
    | { kind: 'unit'; anyUnit?: boolean; clearable?: boolean }
    | { kind: 'country'; clearable?: boolean }
    | { kind: 'institution'; clearable?: boolean }
    | { kind: 'person' }
  );

/** A place in the layout for what a kind has of its own (a mission's destinations): the form hands the element by name. */
export interface SlotSpec {
  slot: string;
  /** In a column of the row, as a field; absent: on a line of its own. */
  width?: FieldWidth;
}

/** A titled part of a form. */
export interface FormSection {
  /** Names the section for `omit`. */
  key?: string;
  title?: MessageKey;
  /** A lock before the title: what only some roles see. */
  locked?: boolean;
  /** A paragraph under the title. */
  hint?: MessageKey;
  items: readonly (FieldSpec | SlotSpec)[];
}

/** A kind's form: its sections in order. */
export type FormLayout = readonly FormSection[];

/** The column props of a width. */
export const COLUMNS: Record<FieldWidth, { span?: number; xs?: number; md?: number }> = {
  full: { span: 24 },
  half: { xs: 24, md: 12 },
  third: { xs: 24, md: 8 },
  quarter: { xs: 12, md: 6 },
  sixth: { xs: 12, md: 4 },
};

/** Whether a layout item is a slot rather than a field. */
export function isSlot(item: FieldSpec | SlotSpec): item is SlotSpec {
  return 'slot' in item;
}

const LANG = { En: undefined, Zh: 'zh', Fr: 'fr' } as const;

/**
 * A title or name in the office's languages (`titleEn`, `titleZh`, `titleFr`): the same text field
 * in each, the Chinese and French ones marked for the browser's fonts and spelling.
 */
export function inLanguages(field: string, maxLength: number, options: { languages?: ReadonlyArray<keyof typeof LANG>; width?: FieldWidth; testIdEn?: string } = {}): FieldSpec[] {
  const { languages = ['En', 'Zh', 'Fr'], width = 'half', testIdEn } = options;
  return languages.map((language) => ({
    name: `${field}${language}`,
    kind: 'text',
    maxLength,
    width,
    ...(LANG[language] ? { lang: LANG[language] } : {}),
    ...(language === 'En' && testIdEn ? { testId: testIdEn } : {}),
  }));
}
