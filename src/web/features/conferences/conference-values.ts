import type { Conference } from '../../../shared/contracts/conferences.ts';

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
  const v = <T,>(x: T | null) => x ?? undefined;
  return {
    titleEn: c.titleEn,
    titleZh: c.titleZh,
    titleFr: v(c.titleFr),
    startDate: c.startDate,
    endDate: c.endDate,
    venue: v(c.venue),
    hostUnitId: c.hostUnitId,
    partners: c.partners.map((p) => ({ institutionId: p.institutionId, role: v(p.role) })),
    participants: v(c.participants),
    foreignParticipants: v(c.foreignParticipants),
    countriesRepresented: v(c.countriesRepresented),
    summary: v(c.summary),
    notes: v(c.notes),
  };
}

/** A new conference's starting values: a coordinator's is hosted by their unit. */
export function newConferenceValues(coordinatorUnitId: number | null): ConferenceFormValues {
  return { hostUnitId: coordinatorUnitId ?? undefined, partners: [] };
}
