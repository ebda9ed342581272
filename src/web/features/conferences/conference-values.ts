import type { Conference } from '../../../shared/contracts/conferences.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** One co-organizer row of the form. */
export interface CoOrganizerRow {
  institutionId?: number;
  role?: string;
}

/** What the conference form holds: the contract's fields, empty ones as undefined. */
export interface ConferenceFormValues {
  titleEn?: string;
  titleZh?: string;
  titleFr?: string;
  startDate?: string;
  endDate?: string;
  venue?: string;
  hostUnitId?: number;
  partners?: CoOrganizerRow[];
  participants?: number;
  foreignParticipants?: number;
  countriesRepresented?: number;
  summary?: string;
  notes?: string;
}

/** A conference as form values (nulls become empty fields). */
export function toConferenceFormValues(c: Conference): ConferenceFormValues {
  return {
    ...formValuesOf(c, ['titleEn', 'titleZh', 'titleFr', 'startDate', 'endDate', 'venue', 'hostUnitId', 'participants', 'foreignParticipants', 'countriesRepresented', 'summary', 'notes']),
    partners: c.partners.map((p) => ({ institutionId: p.institutionId, role: p.role ?? undefined })),
  };
}

/** A new conference's starting values: a coordinator's is hosted by their unit. */
export function newConferenceValues(coordinatorUnitId: number | null): ConferenceFormValues {
  return { hostUnitId: coordinatorUnitId ?? undefined, partners: [] };
}
