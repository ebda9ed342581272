import type { Locale } from '../../../shared/contracts/common.ts';
import { ACCEPTABLE_IIA_TERM_FIELDS, type IIA_COPY_STATES, type IIA_UNPUBLISHED_REASONS, type IiaDifference, type IiaTermField } from '../../../shared/contracts/ewp-iia-copies.ts';
import { STAFF_MOBILITY_LABELS, STUDENT_MOBILITY_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import type { MessageKey, Translate } from '../../lib/i18n.tsx';

/** A term whose partner value the office can accept onto the agreement. */
export type AcceptableField = (typeof ACCEPTABLE_IIA_TERM_FIELDS)[number];
export const acceptable = (field: IiaTermField): field is AcceptableField => (ACCEPTABLE_IIA_TERM_FIELDS as readonly string[]).includes(field);

/** A term's label: the agreement's own field label where the agreement has the field, the academic years apart. */
export const termLabel = (field: IiaTermField, t: Translate): string => t((acceptable(field) ? `agr.field.${field}` : `ewpAgr.field.${field}`) as MessageKey);

/** A term's value as the agreement's page shows the field: counts, what the places are for, the languages, a year. */
export function termText(field: IiaTermField, value: IiaDifference['ours'], locale: Locale, t: Translate): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('ewpAgr.notStated');
  if (Array.isArray(value)) return value.join(', ');
  if (field === 'studentMobility' && typeof value === 'string') return STUDENT_MOBILITY_LABELS[value as keyof typeof STUDENT_MOBILITY_LABELS]?.[locale] ?? value;
  if (field === 'staffMobility' && typeof value === 'string') return STAFF_MOBILITY_LABELS[value as keyof typeof STAFF_MOBILITY_LABELS]?.[locale] ?? value;
  return String(value);
}

/** "Not published: <why>", in words. */
export const unpublishedText = (reason: (typeof IIA_UNPUBLISHED_REASONS)[number], t: Translate): string => t('ewpAgr.unpublished', { reason: t(`ewpAgr.reason.${reason}` as MessageKey) });

/** How the partner's copy stands, in words. */
export const copyStateText = (state: (typeof IIA_COPY_STATES)[number], t: Translate): string => t(`ewpAgr.copy.${state}` as MessageKey);
