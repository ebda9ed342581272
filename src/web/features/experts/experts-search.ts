import { z } from 'zod';
import { APPOINTMENT_SORTS, AppointmentStatus, AppointmentTitle } from '../../../shared/contracts/appointments.ts';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  ...PAGING,
  /** The date of the figure and of "in force" in the list (today when absent). */
  asOf: IsoDate,
  title: AppointmentTitle,
  status: AppointmentStatus,
  unitId: Id,
  country: CountryCode,
  inForce: z.enum(['true', 'false']),
  sort: z.enum(APPOINTMENT_SORTS),
};

/** The experts page's state in the URL: the as-of date, and the appointments list's search, filters, sort and page. */
export type ExpertsSearch = SearchOf<typeof SHAPE>;
/** Read the experts page's URL params. */
export const validateExpertsSearch = lenientSearch(SHAPE);

const RENEWALS_SHAPE = { months: z.coerce.number().int().min(1).max(60) };
/** The renewal list's state in the URL: how many months ahead. */
export type RenewalsSearch = SearchOf<typeof RENEWALS_SHAPE>;
/** Read the renewal list's URL params. */
export const validateRenewalsSearch = lenientSearch(RENEWALS_SHAPE);

const NEW_SHAPE = { personId: Id };
/** A new appointment may start from a person (the person page's "propose an appointment"). */
export type NewAppointmentSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new appointment page's URL params. */
export const validateNewAppointmentSearch = lenientSearch(NEW_SHAPE);
