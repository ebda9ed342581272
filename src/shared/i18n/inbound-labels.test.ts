import { describe, expect, it } from 'vitest';
import { LOCALES } from '../contracts/common.ts';
import { APPOINTMENT_STATUSES, APPOINTMENT_TITLES, EXPERT_DOCUMENT_KINDS } from '../contracts/appointments.ts';
import { ATTENDEE_ROLES, CONFERENCE_CLASSIFICATIONS, CONFERENCE_STATUSES } from '../contracts/conferences.ts';
import {
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_TITLE_LABELS,
  ATTENDEE_ROLE_LABELS,
  CONFERENCE_CLASSIFICATION_LABELS,
  CONFERENCE_STATUS_LABELS,
  EXPERT_DOCUMENT_KIND_LABELS,
} from './inbound-labels.ts';

describe('every label of experts and conferences exists in English, Chinese and French', () => {
  const sets: Array<[readonly string[], Record<string, Record<string, string>>]> = [
    [APPOINTMENT_TITLES, APPOINTMENT_TITLE_LABELS],
    [APPOINTMENT_STATUSES, APPOINTMENT_STATUS_LABELS],
    [EXPERT_DOCUMENT_KINDS, EXPERT_DOCUMENT_KIND_LABELS],
    [CONFERENCE_STATUSES, CONFERENCE_STATUS_LABELS],
    [CONFERENCE_CLASSIFICATIONS, CONFERENCE_CLASSIFICATION_LABELS],
    [ATTENDEE_ROLES, ATTENDEE_ROLE_LABELS],
  ];
  it('titles, statuses, document kinds, classifications and roles', () => {
    for (const [codes, labels] of sets) for (const code of codes) for (const locale of LOCALES) expect(labels[code]?.[locale], `${code}/${locale}`).toBeTruthy();
  });
});
